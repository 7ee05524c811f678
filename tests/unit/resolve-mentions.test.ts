import { describe, expect, it } from 'vitest';
import { mentionToken } from '@/lib/articles/notes/mention-token';
import { noteBodyToText } from '@/lib/articles/notes/note-body-to-text';
import { resolveMentions } from '@/lib/articles/notes/resolve-mentions';
import { splitNoteBody } from '@/lib/articles/notes/split-note-body';

const ana = { id: 1, name: 'Ana Ruiz' };
const anaSoto = { id: 2, name: 'Ana Ruiz Soto' };
const tomas = { id: 3, name: 'Tomás Reyes' };
const staff = [ana, anaSoto, tomas];

describe('resolveMentions', () => {
  it('turns a typed full name into a token, in any case, with the longest name winning', () => {
    expect(resolveMentions({ body: '@ana ruiz soto and @ANA RUIZ, see this.', staff })).toEqual({
      body: `${mentionToken(anaSoto)} and ${mentionToken(ana)}, see this.`,
      mentionedIds: [2, 1],
    });
  });

  it('needs whole words and the accents as written', () => {
    expect(resolveMentions({ body: '@Ana Ruizz, mail ana@Ana Ruiz and @Tomas Reyes', staff })).toEqual({
      body: '@Ana Ruizz, mail ana@Ana Ruiz and @Tomas Reyes',
      mentionedIds: [],
    });
    expect(resolveMentions({ body: '@tomás reyes.', staff }).mentionedIds).toEqual([3]);
  });

  it('keeps a token’s id but writes the person’s current name, and drops tokens of unknown people to text', () => {
    expect(resolveMentions({ body: '@[The Editor](user:3) and @[Ghost](user:99)', staff })).toEqual({
      body: `${mentionToken(tomas)} and @Ghost`,
      mentionedIds: [3],
    });
  });

  it('leaves a typed name alone when two colleagues share it', () => {
    const twins = [ana, { id: 7, name: 'Ana Ruiz' }];
    expect(resolveMentions({ body: 'Hi @Ana Ruiz', staff: twins })).toEqual({ body: 'Hi @Ana Ruiz', mentionedIds: [] });
    expect(resolveMentions({ body: 'Hi @[Ana Ruiz](user:7)', staff: twins }).mentionedIds).toEqual([7]);
  });

  it('mentions a person once however often they are named', () => {
    expect(resolveMentions({ body: '@Ana Ruiz @Ana Ruiz @[x](user:1)', staff }).mentionedIds).toEqual([1]);
  });
});

describe('splitNoteBody and noteBodyToText', () => {
  it('split a note into text and mentions, and read mentions as @Name', () => {
    const body = `Ask ${mentionToken(tomas)} about [this](link).`;
    expect(splitNoteBody(body)).toEqual([
      { kind: 'text', text: 'Ask ' },
      { kind: 'mention', userId: 3, name: 'Tomás Reyes' },
      { kind: 'text', text: ' about [this](link).' },
    ]);
    expect(noteBodyToText(body)).toBe('Ask @Tomás Reyes about [this](link).');
  });

  it('keep a name with a bracket from breaking the token', () => {
    expect(splitNoteBody(mentionToken({ id: 4, name: 'Odd ] Name' }))).toEqual([{ kind: 'mention', userId: 4, name: 'Odd   Name' }]);
  });
});

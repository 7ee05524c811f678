import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { diffArticleVersions, type ArticleVersion, type BodyPart } from '@/lib/articles/diff-article-versions';
import { chooseAll, mergeArticleVersions, type MergeChoices } from '@/lib/articles/merge-article-versions';
import { inlineTokensText } from '@/lib/content/inline-tokens';

const link = (href: string) => ({ type: 'link', attrs: { href, target: null, rel: 'noopener noreferrer', class: null } });
const bold = { type: 'bold' };
const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const mention = (entityId: number, label: string): JSONContent => ({ type: 'entityMention', attrs: { entityId, kind: 'country', label } });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const version = (body: JSONContent, title = 'Mine Ban Treaty exits', dek = ''): ArticleVersion => ({ title, dek, body });

/** Each change shown as the words a person reads on both sides. */
function changesOf(parts: BodyPart[]): { mine: string; theirs: string }[] {
  return parts.flatMap((part) =>
    part.kind === 'words'
      ? part.parts.flatMap((word) => (word.kind === 'change' ? [{ mine: inlineTokensText(word.mine), theirs: inlineTokensText(word.theirs) }] : []))
      : [],
  );
}

function merged(mine: ArticleVersion, theirs: ArticleVersion, choose: (ids: string[]) => MergeChoices) {
  const diff = diffArticleVersions({ mine, theirs });
  return mergeArticleVersions({ diff, choices: choose(diff.changeIds) });
}

describe('diffArticleVersions', () => {
  it('finds each changed word of one paragraph as its own change, with the words on both sides', () => {
    const mine = version(doc(paragraph(text('Five states signed in Vienna last week.'))));
    const theirs = version(doc(paragraph(text('Seven states signed in Geneva last week.'))));
    const diff = diffArticleVersions({ mine, theirs });
    expect(changesOf(diff.body)).toEqual([
      { mine: 'Five', theirs: 'Seven' },
      { mine: 'Vienna', theirs: 'Geneva' },
    ]);
    expect(diff.changeIds).toHaveLength(2);
  });

  it('compares the title and the dek word by word', () => {
    const diff = diffArticleVersions({ mine: version(doc(paragraph(text('Same.'))), 'Poland leaves the treaty', 'A short dek'), theirs: version(doc(paragraph(text('Same.'))), 'Poland quits the treaty', 'A short dek') });
    expect(diff.title).toEqual([
      { kind: 'same', items: ['Poland', ' '] },
      { kind: 'change', id: 'change-1', mine: ['leaves'], theirs: ['quits'] },
      { kind: 'same', items: [' ', 'the', ' ', 'treaty'] },
    ]);
    expect(diff.dek).toEqual([{ kind: 'same', items: ['A', ' ', 'short', ' ', 'dek'] }]);
  });

  it('offers a paragraph added on one side, or a changed list, as one whole-block change', () => {
    const list = (item: string): JSONContent => ({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(item))] }] });
    const mine = version(doc(paragraph(text('Opening.')), list('Poland')));
    const theirs = version(doc(paragraph(text('Opening.')), { type: 'heading', attrs: { level: 2 }, content: [text('Background')] }, paragraph(text('Added by them.'))));
    const diff = diffArticleVersions({ mine, theirs });
    expect(diff.body.map((part) => part.kind)).toEqual(['same', 'blocks']);
    expect(diff.body[1]).toMatchObject({ kind: 'blocks', mine: [list('Poland')], theirs: theirs.body.content!.slice(1) });
  });

  it('treats the same words with different formatting as a change', () => {
    const diff = diffArticleVersions({ mine: version(doc(paragraph(text('Five states left.')))), theirs: version(doc(paragraph(text('Five '), text('states', [bold]), text(' left.')))) });
    expect(changesOf(diff.body)).toEqual([{ mine: 'states', theirs: 'states' }]);
  });
});

describe('mergeArticleVersions', () => {
  const mine = version(
    doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Background')] },
      paragraph(text('In 2025 '), mention(7, 'Poland'), text(' said it would '), text('leave', [bold]), text(' the '), text('Ottawa Convention', [link('https://example.org/ottawa')]), text('.')),
      paragraph(text('Kept as is.')),
    ),
    'Five states leave the treaty',
    'Mine dek',
  );
  const theirs = version(
    doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Context')] },
      paragraph(text('In 2025 '), mention(9, 'Estonia'), text(' said it would '), text('quit', [{ type: 'italic' }]), text(' the '), text('Ottawa Convention', [link('https://example.org/treaty')]), text('.')),
      paragraph(text('Kept as is.')),
      paragraph(text('A paragraph only they wrote.')),
    ),
    'Five states quit the treaty',
    'Their dek',
  );

  it('gives back exactly my version, marks, links and mentions included, when every change is mine', () => {
    expect(merged(mine, theirs, (ids) => Object.fromEntries(ids.map((id) => [id, 'mine'])))).toEqual({ ok: true, ...mine });
  });

  it('gives back exactly their version when every change is theirs', () => {
    const diff = diffArticleVersions({ mine, theirs });
    expect(mergeArticleVersions({ diff, choices: chooseAll({ diff, side: 'theirs' }) })).toEqual({ ok: true, ...theirs });
  });

  it('keeps mine for a change left without a choice', () => {
    expect(merged(mine, theirs, () => ({}))).toEqual({ ok: true, ...mine });
  });

  it('builds one paragraph from words of both sides, each word keeping the marks it had on its side', () => {
    const ours = version(doc(paragraph(text('The treaty was signed in '), text('Vienna', [link('https://example.org/vienna')]), text(' by five states.'))));
    const other = version(doc(paragraph(text('The treaty was signed in Geneva by '), text('seven', [bold]), text(' states.'))));
    const diff = diffArticleVersions({ mine: ours, theirs: other });
    expect(changesOf(diff.body)).toEqual([
      { mine: 'Vienna', theirs: 'Geneva' },
      { mine: 'five', theirs: 'seven' },
    ]);
    const result = mergeArticleVersions({ diff, choices: { [diff.changeIds[0]!]: 'mine', [diff.changeIds[1]!]: 'theirs' } });
    expect(result).toEqual({
      ok: true,
      title: ours.title,
      dek: '',
      body: doc(paragraph(text('The treaty was signed in '), text('Vienna', [link('https://example.org/vienna')]), text(' by '), text('seven', [bold]), text(' states.'))),
    });
  });

  it('joins neighbouring words from both sides into one link when they carry the same link', () => {
    const href = link('https://example.org/npt');
    const ours = version(doc(paragraph(text('the Non-Proliferation Treaty', [href]))));
    const other = version(doc(paragraph(text('the Nuclear Non-Proliferation Treaty', [href]))));
    const diff = diffArticleVersions({ mine: ours, theirs: other });
    const result = mergeArticleVersions({ diff, choices: chooseAll({ diff, side: 'theirs' }) });
    expect(result.ok && result.body).toEqual(doc(paragraph(text('the Nuclear Non-Proliferation Treaty', [href]))));
  });

  it('takes a mention from the side chosen, with its entity', () => {
    const diff = diffArticleVersions({ mine, theirs });
    const mentionChange = diff.body.flatMap((part) => (part.kind === 'words' ? part.parts : [])).find((part) => part.kind === 'change' && inlineTokensText(part.mine) === 'Poland');
    expect(mentionChange).toBeDefined();
    const result = mergeArticleVersions({ diff, choices: { [mentionChange!.kind === 'change' ? mentionChange!.id : '']: 'theirs' } });
    expect(result.ok && result.body.content![1]!.content![1]).toEqual(mention(9, 'Estonia'));
    expect(result.ok && result.body.content![1]!.content!.filter((node) => node.type === 'entityMention')).toHaveLength(1);
  });

  it('refuses choices that leave the title empty, saying what to do', () => {
    const diff = diffArticleVersions({ mine: version(doc(paragraph(text('x'))), 'Poland'), theirs: version(doc(paragraph(text('x'))), 'Estonia') });
    const emptied = { ...diff, title: diff.title.map((part) => (part.kind === 'change' ? { ...part, mine: [] } : part)) };
    expect(mergeArticleVersions({ diff: emptied, choices: {} })).toEqual({ ok: false, error: 'The merged title is empty; take the title from one of the versions.' });
  });

  it('refuses a result the article schema does not allow, naming the problem, rather than returning it', () => {
    const unsafe = version(doc(paragraph(text('Click '), text('here', [link('javascript:alert(1)')]))));
    const diff = diffArticleVersions({ mine: unsafe, theirs: version(doc(paragraph(text('Click nowhere')))) });
    const result = mergeArticleVersions({ diff, choices: chooseAll({ diff, side: 'mine' }) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^These choices make a text the editor cannot hold: .*link.*Choose the other side for that change\.$/s);
  });

  it('keeps an emptied paragraph as an empty paragraph and an emptied body as one empty paragraph', () => {
    const diff = diffArticleVersions({ mine: version(doc(paragraph(text('Gone')))), theirs: version(doc(paragraph())) });
    expect(mergeArticleVersions({ diff, choices: chooseAll({ diff, side: 'theirs' }) })).toMatchObject({ ok: true, body: doc({ type: 'paragraph' }) });
  });
});

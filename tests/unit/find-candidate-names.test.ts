import { describe, expect, it } from 'vitest';
import { findCandidateNames } from '@/lib/entities/find-candidate-names';

function spanOf({ text, name }: { text: string; name: string }) {
  const start = text.indexOf(name);
  return { start, end: start + name.length };
}

describe('findCandidateNames', () => {
  it('finds a titled person with the title as role, and the sentence as context', () => {
    const text = 'Warsaw was quiet. Prime Minister Donald Tusk said on Tuesday that Poland would leave. Nobody objected.';
    expect(findCandidateNames({ text })).toContainEqual({
      name: 'Donald Tusk',
      kind: 'person',
      role: 'Prime Minister',
      context: 'Prime Minister Donald Tusk said on Tuesday that Poland would leave.',
    });
  });

  it('reads titles in lower case and after a comma, and keeps diacritics in the name', () => {
    const text = "Poland's foreign minister, Radosław Sikorski, agreed with Defence Minister Władysław Kosiniak-Kamysz.";
    expect(findCandidateNames({ text }).map(({ name, kind, role }) => ({ name, kind, role }))).toEqual([
      { name: 'Radosław Sikorski', kind: 'person', role: 'foreign minister' },
      { name: 'Władysław Kosiniak-Kamysz', kind: 'person', role: 'Defence Minister' },
    ]);
  });

  it('finds an organization from its long form before an acronym in parentheses', () => {
    const text = 'The International Campaign to Ban Landmines (ICBL) said the decision was a mistake.';
    expect(findCandidateNames({ text })).toEqual([
      { name: 'International Campaign to Ban Landmines', kind: 'organization', context: text },
    ]);
  });

  it('finds an organization by the word that names it, without the person or place around it', () => {
    const text = "Mary O'Connell of Human Rights Watch said so, and Poland's Ministry of National Defence agreed.";
    const names = findCandidateNames({ text }).map(({ name, kind }) => ({ name, kind }));
    expect(names).toContainEqual({ name: 'Human Rights Watch', kind: 'organization' });
    expect(names).toContainEqual({ name: 'Ministry of National Defence', kind: 'organization' });
    expect(names.map((entry) => entry.name)).not.toContain("Mary O'Connell of Human Rights Watch");
  });

  it('does not take a treaty with an acronym for an organization', () => {
    const text = 'The Arms Trade Treaty (ATT) entered into force.';
    expect(findCandidateNames({ text })).toEqual([]);
  });

  it('leaves out names whose mentions are already matched to known entities', () => {
    const text = 'Prime Minister Donald Tusk met Foreign Minister Radosław Sikorski. Later Donald Tusk left.';
    const knownSpans = [spanOf({ text, name: 'Donald Tusk' })];
    expect(findCandidateNames({ text, knownSpans }).map((candidate) => candidate.name)).toEqual(['Radosław Sikorski']);
  });

  it('keeps a longer name that only partly overlaps a known mention', () => {
    const text = 'President Donald Trump Kowalski spoke.';
    const knownSpans = [spanOf({ text, name: 'Donald Trump' })];
    expect(findCandidateNames({ text, knownSpans }).map((candidate) => candidate.name)).toEqual(['Donald Trump Kowalski']);
  });

  it('deduplicates a name mentioned twice, keeping the first mention and any role found', () => {
    const text = 'Jane Goodall spoke. Later, Director Jane Goodall spoke again.';
    expect(findCandidateNames({ text })).toEqual([
      { name: 'Jane Goodall', kind: 'person', role: 'Director', context: 'Jane Goodall spoke.' },
    ]);
  });

  it('leaves out single words: a surname alone, a capitalized common word', () => {
    const text = 'President Stubb spoke. The Council met. Sikorski agreed.';
    expect(findCandidateNames({ text })).toEqual([]);
  });

  it('returns nothing, without throwing, for empty or odd input', () => {
    for (const text of ['', '   ', '...', '(((( ))))', 'President', 'Mr. ', '( ICBL )', 'Ü (ÜÜ)', '\u0000\uFFFF', '🙂'.repeat(50)]) {
      expect(findCandidateNames({ text })).toEqual([]);
    }
  });

  it('falls back to sixty characters either side when the sentence is very long', () => {
    const filler = 'and the talks went on '.repeat(30);
    const text = `${filler}while Foreign Minister Radosław Sikorski waited ${filler}`;
    const [candidate] = findCandidateNames({ text });
    expect(candidate?.context.startsWith('…')).toBe(true);
    expect(candidate?.context).toContain('Foreign Minister Radosław Sikorski waited');
    expect(candidate?.context.length).toBeLessThanOrEqual(140);
  });
});

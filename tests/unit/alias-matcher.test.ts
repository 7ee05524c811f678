import { describe, expect, it } from 'vitest';
import { compileAliasMatcher, type AliasEntry } from '@/lib/entities/alias-matcher';

const RUSSIA = 1;
const NEW_START = 2;
const START_ONE = 3;
const MINE_BAN_TREATY = 4;
const MINE_BAN = 5;
const TREATY_WORD = 6;
const SPRUDS = 7;
const KOSINIAK_KAMYSZ = 8;
const NPT = 9;
const IRAN = 10;
const GEORGIA_COUNTRY = 11;
const GEORGIA_STATE = 12;
const UNITED_STATES = 13;
const UNITED_NATIONS = 14;
const SORT = 15;
const HUMANITY_INCLUSION = 16;
const START_TREATY = 17;

const ENTRIES: AliasEntry[] = [
  { entityId: RUSSIA, alias: 'Russia' },
  { entityId: RUSSIA, alias: 'Russian Federation' },
  { entityId: NEW_START, alias: 'New START' },
  { entityId: START_ONE, alias: 'START' },
  { entityId: START_ONE, alias: 'Strategic Arms Reduction Treaty' },
  { entityId: MINE_BAN_TREATY, alias: 'Mine Ban Treaty' },
  { entityId: MINE_BAN, alias: 'Mine Ban' },
  { entityId: TREATY_WORD, alias: 'Treaty' },
  { entityId: SPRUDS, alias: 'Andris Sprūds' },
  { entityId: SPRUDS, alias: 'Sprūds' },
  { entityId: KOSINIAK_KAMYSZ, alias: 'Władysław Kosiniak-Kamysz' },
  { entityId: KOSINIAK_KAMYSZ, alias: 'Kosiniak-Kamysz' },
  { entityId: NPT, alias: 'NPT' },
  { entityId: NPT, alias: 'Non-Proliferation Treaty' },
  { entityId: IRAN, alias: 'Iran' },
  { entityId: GEORGIA_COUNTRY, alias: 'Georgia' },
  { entityId: GEORGIA_STATE, alias: 'Georgia' },
  { entityId: GEORGIA_STATE, alias: 'Georgia' },
  { entityId: UNITED_STATES, alias: 'United States' },
  { entityId: UNITED_NATIONS, alias: 'U.N.' },
  { entityId: SORT, alias: 'SORT', isCaseSensitive: true },
  { entityId: HUMANITY_INCLUSION, alias: 'Humanity & Inclusion' },
  { entityId: START_TREATY, alias: 'START Treaty' },
];

const matcher = compileAliasMatcher(ENTRIES);

function mentions(text: string): { ids: number[]; text: string }[] {
  return matcher.match(text).map((match) => ({ ids: match.entityIds, text: match.text }));
}

describe('compileAliasMatcher', () => {
  it('reports offsets into the original text, so every slice is the mention as written', () => {
    const text = '  Władysław Kosiniak-Kamysz met   Andris Spruds;\n\nthe U.N. and Russia’s envoy — and GEORGIA — agreed.';
    const matches = matcher.match(text);
    expect(matches.map((match) => match.text)).toEqual(['Władysław Kosiniak-Kamysz', 'Andris Spruds', 'U.N.', 'Russia’s', 'GEORGIA']);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  it('keeps the longest alias where a shorter one starts at the same word', () => {
    expect(mentions('The Mine Ban Treaty and the Mine Ban talks.')).toEqual([
      { ids: [MINE_BAN_TREATY], text: 'Mine Ban Treaty' },
      { ids: [MINE_BAN], text: 'Mine Ban' },
    ]);
  });

  it('never overlaps: a mention inside a longer one is not reported again', () => {
    expect(mentions('New START outlived START; the Strategic Arms Reduction Treaty did not.')).toEqual([
      { ids: [NEW_START], text: 'New START' },
      { ids: [START_ONE], text: 'START' },
      { ids: [START_ONE], text: 'Strategic Arms Reduction Treaty' },
    ]);
    expect(mentions('the START Treaty')).toEqual([{ ids: [START_TREATY], text: 'START Treaty' }]);
  });

  it('ignores accents and special letters on either side', () => {
    expect(mentions('Andris Spruds, then Sprūds, then SPRUDS.').map((match) => match.ids)).toEqual([[SPRUDS], [SPRUDS], [SPRUDS]]);
    expect(mentions('Wladyslaw Kosiniak-Kamysz')).toEqual([{ ids: [KOSINIAK_KAMYSZ], text: 'Wladyslaw Kosiniak-Kamysz' }]);
    expect(mentions('Andris Spru\u0304ds')).toEqual([{ ids: [SPRUDS], text: 'Andris Spru\u0304ds' }]);
  });

  it('ignores case, acronyms included', () => {
    expect(mentions('npt, Npt and NPT; RUSSIA and russia')).toEqual([
      { ids: [NPT], text: 'npt' },
      { ids: [NPT], text: 'Npt' },
      { ids: [NPT], text: 'NPT' },
      { ids: [RUSSIA], text: 'RUSSIA' },
      { ids: [RUSSIA], text: 'russia' },
    ]);
  });

  it('matches an alias marked case-sensitive only in its own capitals', () => {
    expect(mentions('That sort of deal. Sort it out. SORT lapsed.')).toEqual([{ ids: [SORT], text: 'SORT' }]);
  });

  it('includes a possessive in the mention: straight and curly apostrophes, and a bare one after s', () => {
    expect(mentions("Russia's claim, Russia’s reply, the United States' answer, the United States’ view")).toEqual([
      { ids: [RUSSIA], text: "Russia's" },
      { ids: [RUSSIA], text: 'Russia’s' },
      { ids: [UNITED_STATES], text: "United States'" },
      { ids: [UNITED_STATES], text: 'United States’' },
    ]);
  });

  it('does not take a quotation mark after a name for a possessive', () => {
    expect(mentions("'Russia' and ‘Russia’ were quoted")).toEqual([
      { ids: [RUSSIA], text: 'Russia' },
      { ids: [RUSSIA], text: 'Russia' },
    ]);
  });

  it('treats hyphens and spaces alike, and accepts a hyphenated alias written solid', () => {
    expect(mentions('Kosiniak Kamysz and Kosiniak–Kamysz')).toEqual([
      { ids: [KOSINIAK_KAMYSZ], text: 'Kosiniak Kamysz' },
      { ids: [KOSINIAK_KAMYSZ], text: 'Kosiniak–Kamysz' },
    ]);
    expect(mentions('the Nonproliferation Treaty and the Non Proliferation Treaty').map((match) => match.ids)).toEqual([[NPT], [NPT]]);
  });

  it('matches whole words only: no names inside longer words, no demonyms', () => {
    expect(mentions('Tirana, Iranian officials, Georgian wine, Russians, antiNPT')).toEqual([]);
    expect(mentions('non-NPT states and Iran-backed groups').map((match) => match.text)).toEqual(['NPT', 'Iran']);
  });

  it('does not join the words of a mention across other punctuation or lines', () => {
    expect(mentions('the Mine, Ban Treaty')).toEqual([{ ids: [TREATY_WORD], text: 'Treaty' }]);
    expect(mentions('New\n\nSTART')).toEqual([{ ids: [START_ONE], text: 'START' }]);
  });

  it('keeps punctuation that belongs to the alias', () => {
    expect(mentions('the U.N. said; the U. N. agreed; Humanity & Inclusion too')).toEqual([
      { ids: [UNITED_NATIONS], text: 'U.N.' },
      { ids: [UNITED_NATIONS], text: 'U. N.' },
      { ids: [HUMANITY_INCLUSION], text: 'Humanity & Inclusion' },
    ]);
  });

  it('reports an alias shared by several entities once, naming all of them', () => {
    expect(mentions('Georgia applied.')).toEqual([{ ids: [GEORGIA_COUNTRY, GEORGIA_STATE], text: 'Georgia' }]);
  });

  it('finds nothing in an empty text or one of punctuation only', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('… — ?! "" ’’ --- \n\n')).toEqual([]);
    expect(compileAliasMatcher([]).match('Russia')).toEqual([]);
  });

  it('skips aliases without a single word and survives odd input', () => {
    const odd = compileAliasMatcher([
      { entityId: 1, alias: '' },
      { entityId: 2, alias: ' -- ' },
      { entityId: 3, alias: '🙂 Peace' },
    ]);
    expect(odd.match('🙂 Peace 🙂🙂 peace')).toEqual([
      { entityIds: [3], start: 3, end: 8, text: 'Peace' },
      { entityIds: [3], start: 14, end: 19, text: 'peace' },
    ]);
  });
});

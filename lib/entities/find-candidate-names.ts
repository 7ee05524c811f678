import nlp from 'compromise';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';

export type CandidateKind = 'person' | 'organization';

export type CandidateName = {
  name: string;
  kind: CandidateKind;
  /** The title written before a person's name ("Prime Minister"), when there is one. */
  role?: string;
  /** The sentence of the first mention, or about 60 characters either side of it. */
  context: string;
};

export type TextSpan = { start: number; end: number };

/**
 * Names in the text that look like people or organizations the knowledge base does not know yet:
 * compromise's people and organizations, plus titled names ("Foreign Minister Radosław Sikorski"),
 * capitalized names with an organization word ("Nordic Council") and long forms followed by their
 * acronym ("International Campaign to Ban Landmines (ICBL)"). A name is left out when any mention
 * of it lies inside `knownSpans` (mentions already matched to known entities), when it is a place,
 * or when it is a single word (a surname alone, or an ordinary capitalized word).
 */
export function findCandidateNames({ text, knownSpans = [] }: { text: string; knownSpans?: TextSpan[] }): CandidateName[] {
  if (!/\p{Lu}/u.test(text)) return [];
  const doc = nlp(text);
  const places = new Set((doc.places().out('array') as string[]).map((place) => normalizeAlias(trimName(place))));
  const mentions = chooseMentions([
    ...acronymOrganizations(text),
    ...titledPeople(text),
    ...keywordOrganizations(text),
    ...compromiseMentions({ text, doc }),
  ]);
  const sortedKnown = [...knownSpans].sort((left, right) => left.start - right.start);
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const key = normalizeAlias(mention.name);
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  const candidates: CandidateName[] = [];
  // Mentions are in text order, so each group starts with its first mention.
  for (const [key, [first, ...others]] of groups) {
    const mostTrusted = others.reduce((best, mention) => (mention.priority < best.priority ? mention : best), first!);
    if (places.has(key) || !isNameLike(mostTrusted)) continue;
    if ([first!, ...others].some((mention) => isCoveredByKnown({ text, mention, knownSpans: sortedKnown }))) continue;
    const candidate: CandidateName = { name: first!.name, kind: mostTrusted.kind, context: contextOf({ text, start: first!.start, end: first!.end }) };
    const role = [first!, ...others].find((mention) => mention.role)?.role;
    if (role && candidate.kind === 'person') candidate.role = role;
    candidates.push(candidate);
  }
  return candidates;
}

type Mention = { name: string; kind: CandidateKind; start: number; end: number; role?: string; priority: number };

// Titles that are also everyday words ("general", "chair") count only when capitalized.
const TITLES_ANY_CASE = [
  'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Interior Minister',
  'Finance Minister', 'Minister of Foreign Affairs', 'Minister of Defence', 'Minister of National Defence', 'Minister',
  'Foreign Secretary', 'Defence Secretary', 'Defense Secretary', 'Secretary of State', 'Secretary of Defense', 'Under Secretary',
  'President', 'Vice President', 'Vice-President', 'Chancellor', 'Director General', 'Director-General', 'Deputy Director General',
  'Secretary General', 'Secretary-General', 'Under-Secretary-General', 'Deputy Secretary-General', 'High Representative',
  'Executive Director', 'Ambassador', 'Special Envoy', 'Envoy', 'Senator', 'Supreme Leader', 'Spokesperson', 'Spokesman',
  'Spokeswoman', 'Chairman', 'Chairwoman', 'Commissioner', 'Chief of Staff', 'Premier',
];
const TITLES_CAPITALIZED = [
  'Director', 'General', 'Lieutenant General', 'Major General', 'Admiral', 'Colonel', 'Governor', 'Representative', 'Speaker',
  'Chair', 'King', 'Queen', 'Crown Prince', 'Emir', 'Sheikh', 'Ayatollah', 'Pope', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Adm.', 'Col.',
  'Lt. Gen.', 'Maj. Gen.',
];
const HONORIFICS = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof.', 'Professor', 'Sir', 'Dame', 'Lord', 'Lady'];
const ORGANIZATION_WORDS = new Set([
  'Campaign', 'Agency', 'Organization', 'Organisation', 'Council', 'Committee', 'Institute', 'Institution', 'Coalition', 'Ministry',
  'Union', 'Alliance', 'Commission', 'Association', 'Foundation', 'Centre', 'Center', 'Office', 'Group', 'Network', 'Forum',
  'Trust', 'Initiative', 'Department', 'Bureau', 'Programme', 'Federation', 'Society', 'Corporation', 'Company', 'Party',
  'Assembly', 'Authority', 'Conference', 'Movement', 'Secretariat', 'Watch', 'Fund', 'Bank', 'University', 'Academy', 'Command',
  'Service', 'Board', 'Monitor', 'Project', 'Partnership', 'League', 'Congress', 'Parliament', 'Court', 'Tribunal', 'Mission',
  'Laboratory', 'Laboratories', 'Inc', 'Ltd',
]);
// A name ending in one of these is an agreement, not an organization; the knowledge base has those.
const AGREEMENT_WORDS = new Set(['Treaty', 'Convention', 'Protocol', 'Agreement', 'Accord', 'Accords', 'Act', 'Declaration', 'Resolution']);
const CALENDAR_WORDS = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May',
  'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
const LEADING_NOISE = new Set([
  ...CALENDAR_WORDS, 'The', 'A', 'An', 'On', 'In', 'At', 'By', 'For', 'From', 'With', 'After', 'Before', 'During', 'Since', 'Under',
  'Meanwhile', 'Yesterday', 'Today', 'Tomorrow', 'This', 'That', 'These', 'Those', 'Both', 'Its', 'Their', 'His', 'Her', 'Our',
  'When', 'While', 'But', 'And', 'Or', 'If', 'As', 'Then', 'Now',
]);
const TITLE_WORDS = new Set([
  'President', 'Director', 'Minister', 'Secretary', 'Chairman', 'Chairwoman', 'Chair', 'Spokesman', 'Spokeswoman', 'Spokesperson',
  'Head', 'Chief', 'Ambassador', 'Envoy', 'Commissioner', 'General', 'Premier', 'Chancellor', 'Senator', 'Governor', 'Speaker',
]);
const PROPER_TAGS = new Set(['Organization', 'Acronym', 'Country', 'Place', 'Region', 'City', 'ProperNoun', 'Person', 'FirstName', 'LastName']);
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Adm', 'Col', 'Lt', 'Maj', 'Capt', 'Sgt', 'St', 'Jr', 'Sr', 'No', 'vs',
  'Inc', 'Ltd', 'Co', 'Corp', 'approx', 'e', 'i', 'al',
]);
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'du', 'dos', 'das', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ter', 'ten']);
const CONTEXT_RADIUS = 60;
const MAX_SENTENCE_CHARS = 320;

const NOT_A_NAME_WORD = String.raw`(?!(?:${[...TITLE_WORDS, ...ORGANIZATION_WORDS, ...AGREEMENT_WORDS, ...CALENDAR_WORDS, 'The'].join('|')})(?![\p{L}\p{M}]))`;
const UPPER_WORD = String.raw`\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*`;
const NAME_WORD = NOT_A_NAME_WORD + UPPER_WORD;
const SPACE = String.raw`[ \t\u00a0]+`;
const INITIAL = String.raw`\p{Lu}\.`;
const PARTICLE = String.raw`(?:${[...PARTICLES].join('|')})`;
const PERSON_NAME = String.raw`${NAME_WORD}(?:${SPACE}(?:${PARTICLE}${SPACE})*(?:${INITIAL}${SPACE})?${NAME_WORD}){1,3}`;
const CONNECTOR = String.raw`(?:(?:of|for|to|on|in|against)(?:${SPACE}the)?|and|&)`;
const CAPITALIZED_RUN = String.raw`${UPPER_WORD}(?:${SPACE}(?:${CONNECTOR}${SPACE})?${UPPER_WORD})*`;
const TITLE = String.raw`(?:(?:Deputy|Vice|Acting|Interim|[Ff]ormer)${SPACE}|then-)?(?:${[
  ...TITLES_ANY_CASE.map((title) => titlePattern({ title, isAnyCase: true })),
  ...TITLES_CAPITALIZED.map((title) => titlePattern({ title, isAnyCase: false })),
]
  .sort((left, right) => right.length - left.length)
  .join('|')})`;
const HONORIFIC = String.raw`(?:${HONORIFICS.map((honorific) => titlePattern({ title: honorific, isAnyCase: false })).join('|')})`;

const TITLED_PERSON = new RegExp(String.raw`(?<![\p{L}\p{M}])(?:(${TITLE})|${HONORIFIC}),?${SPACE}(${PERSON_NAME})`, 'gu');
const LEADING_TITLE = new RegExp(String.raw`^(?:(${TITLE})|${HONORIFIC})${SPACE}`, 'u');
const TITLE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{M}])(${TITLE}),?${SPACE}$`, 'u');
const ACRONYM_AFTER_NAME = new RegExp(String.raw`(${CAPITALIZED_RUN})${SPACE}?\((\p{Lu}[\p{Lu}\p{Ll}&\d\-]{1,11})\)`, 'gu');
const CAPITALIZED_RUNS = new RegExp(CAPITALIZED_RUN, 'gu');

function titlePattern({ title, isAnyCase }: { title: string; isAnyCase: boolean }): string {
  return title
    .split(' ')
    .map((word) => {
      const escaped = word.replace(/\./g, '\\.');
      const first = word[0]!;
      return isAnyCase && /\p{Lu}/u.test(first) ? `[${first}${first.toLowerCase()}]${escaped.slice(1)}` : escaped;
    })
    .join(SPACE);
}

function titledPeople(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const found of text.matchAll(TITLED_PERSON)) {
    const written = found[2]!;
    const name = trimName(written);
    const start = found.index + found[0].length - written.length;
    mentions.push({ name, kind: 'person', start, end: start + name.length, role: found[1] && collapseSpaces(found[1]), priority: 1 });
  }
  return mentions;
}

function acronymOrganizations(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const found of text.matchAll(ACRONYM_AFTER_NAME)) {
    const acronym = found[2]!;
    if ((acronym.match(/\p{Lu}/gu) ?? []).length < 2) continue;
    const words = found[1]!.split(/\s+/);
    const first = words.findIndex((_, index) => initialsMatch({ words: words.slice(index), acronym }));
    if (first < 0) continue;
    const name = trimName(words.slice(first).join(' '));
    if (name.split(' ').length < 2 || AGREEMENT_WORDS.has(name.split(' ').at(-1)!)) continue;
    const start = found.index + found[1]!.lastIndexOf(name);
    mentions.push({ name, kind: 'organization', start, end: start + name.length, priority: 0 });
  }
  return mentions;
}

function keywordOrganizations(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const found of text.matchAll(CAPITALIZED_RUNS)) {
    const run = found[0];
    const words = run.split(/\s+/);
    let first = 0;
    while (first < words.length && isLeadingNoise(words[first]!)) first += 1;
    const keyword = words.findIndex((word, index) => index >= first && ORGANIZATION_WORDS.has(word.replace(/['’]s$/, '')));
    if (keyword < 0) continue;
    // "Mary O'Connell of Human Rights Watch": words before a connector that precedes the keyword are not part of the name.
    const connectorBefore = words.slice(first, keyword).findLastIndex((word) => isConnector(word));
    if (connectorBefore >= 0) first += connectorBefore + 1;
    while (first < keyword && isConnector(words[first]!)) first += 1;
    let last = words.length - 1;
    const cut = words.findIndex((word, index) => index > keyword && endsTheName({ words, index }));
    if (cut > 0) last = cut - 1;
    while (last > keyword && isConnector(words[last]!)) last -= 1;
    const nameWords = words.slice(first, last + 1);
    const name = trimName(nameWords.join(' '));
    if (nameWords.length < 2 || AGREEMENT_WORDS.has(nameWords.at(-1)!)) continue;
    const start = found.index + offsetOfWord({ run, words, index: first });
    mentions.push({ name, kind: 'organization', start, end: start + name.length, priority: 2 });
  }
  return mentions;
}

function isLeadingNoise(word: string): boolean {
  return LEADING_NOISE.has(word) || isConnector(word) || /['’]s$/.test(word) || /-(?:based|led|backed|funded|run|owned)$/.test(word);
}

/** "IAEA Board of Governors Chairman", "Poland's Council", "the Forum in Davos": the name stops before this word. */
function endsTheName({ words, index }: { words: string[]; index: number }): boolean {
  const word = words[index]!;
  const previous = words[index - 1]!;
  if (TITLE_WORDS.has(word) || CALENDAR_WORDS.includes(word) || /['’]s$/.test(previous)) return true;
  return (word === 'in' || word === 'at') && ORGANIZATION_WORDS.has(previous);
}

type CompromiseDoc = ReturnType<typeof nlp>;
type CompromiseMatch = { text: string; offset?: { start: number; length: number } };

function compromiseMentions({ text, doc }: { text: string; doc: CompromiseDoc }): Mention[] {
  const found = [
    ...doc.people().json({ offset: true }).map((match: CompromiseMatch) => ({ match, kind: 'person' as const, priority: 4 })),
    ...doc.organizations().json({ offset: true }).map((match: CompromiseMatch) => ({ match, kind: 'organization' as const, priority: 3 })),
  ];
  const mentions: Mention[] = [];
  for (const { match, kind, priority } of found) {
    let name = trimName(match.text);
    let role: string | undefined;
    const title = LEADING_TITLE.exec(name);
    if (title) {
      role = title[1] ? collapseSpaces(title[1]) : undefined;
      name = name.slice(title[0].length);
    }
    name = trimName(name);
    if (!name) continue;
    const start = locate({ text, name, near: match.offset?.start ?? 0 });
    if (start < 0) continue;
    if (kind === 'person' && !role) role = TITLE_BEFORE.exec(text.slice(Math.max(0, start - CONTEXT_RADIUS), start))?.[1];
    mentions.push({ name, kind, start, end: start + name.length, role: role && collapseSpaces(role), priority });
  }
  return mentions;
}

/** Keeps the most trusted mention wherever two overlap: heuristics first, then the longer one. */
function chooseMentions(mentions: Mention[]): Mention[] {
  const ordered = [...mentions].sort(
    (left, right) => left.priority - right.priority || right.end - right.start - (left.end - left.start) || left.start - right.start,
  );
  const chosen: Mention[] = [];
  for (const mention of ordered) {
    if (chosen.some((other) => mention.start < other.end && other.start < mention.end)) continue;
    chosen.push(mention);
  }
  return chosen.sort((left, right) => left.start - right.start);
}

function isNameLike(mention: Mention): boolean {
  const words = mention.name.split(' ');
  const isAllowedInLowerCase = (word: string) => (mention.kind === 'person' ? PARTICLES.has(word) : isConnector(word));
  if (!/^\p{Lu}/u.test(mention.name) || !words.every((word) => /^\p{Lu}/u.test(word) || isAllowedInLowerCase(word))) return false;
  if (words.length >= 2) return true;
  return mention.kind === 'organization' && /^\p{Lu}[\p{L}\p{M}]{2,}$/u.test(mention.name) && !isEverydayWord(mention.name);
}

function isCoveredByKnown({ text, mention, knownSpans }: { text: string; mention: Mention; knownSpans: TextSpan[] }): boolean {
  if (knownSpans.length === 0) return false;
  const words = [...text.slice(mention.start, mention.end).matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
  return words.every((word) => {
    const start = mention.start + word.index;
    const end = start + word[0].length;
    const span = lastSpanStartingBy({ knownSpans, position: start });
    return span !== undefined && span.end >= end;
  });
}

function lastSpanStartingBy({ knownSpans, position }: { knownSpans: TextSpan[]; position: number }): TextSpan | undefined {
  let low = 0;
  let high = knownSpans.length - 1;
  let found: TextSpan | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (knownSpans[middle]!.start <= position) {
      found = knownSpans[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function contextOf({ text, start, end }: { text: string; start: number; end: number }): string {
  let from = start;
  while (from > 0 && start - from < MAX_SENTENCE_CHARS && !isSentenceStart({ text, position: from })) from -= 1;
  let to = end;
  while (to < text.length && to - from < MAX_SENTENCE_CHARS && !isSentenceEnd({ text, position: to })) to += 1;
  const isWholeSentence = isSentenceStart({ text, position: from }) && (to >= text.length || isSentenceEnd({ text, position: to }));
  if (isWholeSentence) return collapseSpaces(text.slice(from, Math.min(text.length, to + 1)).trim());
  const windowStart = Math.max(0, start - CONTEXT_RADIUS);
  const windowEnd = Math.min(text.length, end + CONTEXT_RADIUS);
  return `${windowStart > 0 ? '…' : ''}${collapseSpaces(text.slice(windowStart, windowEnd).trim())}${windowEnd < text.length ? '…' : ''}`;
}

function isSentenceStart({ text, position }: { text: string; position: number }): boolean {
  if (position <= 0) return true;
  if (text[position - 1] === '\n') return true;
  return /\s/.test(text[position - 1]!) && position >= 2 && isSentenceEnd({ text, position: position - 2 });
}

// A full stop after an initial ("J.", "U.N.") or an abbreviation ("Dr.") does not end a sentence.
function isSentenceEnd({ text, position }: { text: string; position: number }): boolean {
  const mark = text[position];
  if (mark === '\n') return true;
  if (mark !== '.' && mark !== '!' && mark !== '?') return false;
  const after = text[position + 1];
  if (after !== undefined && !/\s/.test(after)) return false;
  if (mark !== '.') return true;
  const word = /[\p{L}\p{M}]+$/u.exec(text.slice(Math.max(0, position - 8), position))?.[0] ?? '';
  return !/^\p{Lu}$/u.test(word) && !ABBREVIATIONS.has(word);
}

function initialsMatch({ words, acronym }: { words: string[]; acronym: string }): boolean {
  const initials = words
    .filter((word) => !isConnector(word))
    .flatMap((word) => word.split(/[-‐]/))
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase();
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (initials[0] !== letters[0]) return false;
  let position = 0;
  for (const letter of letters) {
    position = initials.indexOf(letter, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

function isConnector(word: string): boolean {
  return /^(?:of|for|to|on|in|against|the|and|&)$/.test(word);
}

function offsetOfWord({ run, words, index }: { run: string; words: string[]; index: number }): number {
  let offset = 0;
  for (let position = 0; position < index; position += 1) {
    offset = run.indexOf(words[position]!, offset) + words[position]!.length;
  }
  return run.indexOf(words[index]!, offset);
}

function locate({ text, name, near }: { text: string; name: string; near: number }): number {
  const found = text.indexOf(name, Math.max(0, near - 16));
  return found >= 0 ? found : text.indexOf(name);
}

function trimName(value: string): string {
  return value
    .replace(/^[\s"'“”‘’(\[]+/u, '')
    .replace(/(?:['’]s|['’])?[\s"'“”‘’)\],.;:!?]*$/u, '')
    .trim();
}

function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ');
}

let lexicon: Record<string, string | string[]> | null = null;

function isEverydayWord(word: string): boolean {
  lexicon ??= (nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {};
  const tags = lexicon[word.toLowerCase()];
  if (tags === undefined) return false;
  return ![tags].flat().some((tag) => PROPER_TAGS.has(tag));
}

import type { JSONContent } from '@tiptap/core';
import { seededRandom } from '../../factories/seeded-random';

/**
 * A long feature as the editor would send it: headings every few hundred words, paragraphs of
 * 80–150 words with bold, italic and linked phrases, a few bullet lists, one table and footnotes.
 * Built from a fixed seed, so every run (and both benchmarks) work on the same document.
 */
export type LongArticle = {
  doc: JSONContent;
  /** Words as `countWords` counts them, footnote texts included. */
  words: number;
  headings: number;
  paragraphs: number;
  bulletLists: number;
  tables: number;
  footnotes: number;
};

const VOCABULARY = (
  'the treaty council ministers agreed review inspection regime states parties verification budget ' +
  'delegation signed withdrawal obligations framework reporting deadline monitoring agency summit ' +
  'regional security border clearance funding donors pledged programme villages fields survey teams ' +
  'evidence record committee debate parliament vote majority coalition opposition amendment clause ' +
  'article protocol annex schedule compliance dispute arbitration tribunal ruling appeal guidance ' +
  'officials analysts observers diplomats negotiators envoy capital embassy ministry cabinet report ' +
  'figures estimate decline increase quarter year decade generation history archive sources interview ' +
  'press statement briefing spokesperson question answer position proposal draft text language ' +
  'consensus objection reservation declaration implementation timetable milestone progress delay ' +
  'shortfall risk pressure incentive sanction relief trade energy supply market prices exports imports ' +
  'harbour railway corridor convoy warehouse stockpile destruction disposal safety training staff ' +
  'volunteers civilians families returns housing schools clinics roads bridges water harvest winter ' +
  'spring summer autumn morning evening week month careful quiet public private formal informal ' +
  'early late recent former current future likely unlikely modest significant limited broad narrow ' +
  'across within between after before during under over again still already perhaps rather mostly ' +
  'Vienna Geneva Oslo Ottawa Brussels Nairobi Tallinn Riga Vilnius Warsaw Helsinki Kyiv Tbilisi'
).split(/\s+/);

const HEADING_WORDS = 'Background Stakes Numbers Money Ground Talks Rules Borders Voices Record Outlook Limits Costs Choices Lessons'.split(' ');

export function buildLongArticle({ words: target = 10_000, seed = 20250401 } = {}): LongArticle {
  // Deterministic, so the document never changes between runs.
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  let remaining = target;
  const stats = { headings: 0, paragraphs: 0, bulletLists: 0, tables: 0, footnotes: 0 };

  /** Takes `count` words from the budget, as sentences: capitalised, with commas, ending in a full stop. */
  const sentenceWords = (count: number): string[] => {
    remaining -= count;
    const out: string[] = [];
    let sentenceLeft = between(9, 22);
    for (let index = 0; index < count; index++) {
      let word = pick(VOCABULARY);
      if (out.length === 0 || out[out.length - 1]!.endsWith('.')) word = word[0]!.toUpperCase() + word.slice(1);
      sentenceLeft -= 1;
      if (sentenceLeft === 0 || index === count - 1) {
        word += '.';
        sentenceLeft = between(9, 22);
      } else if (random() < 0.06) {
        word += ',';
      }
      out.push(word);
    }
    return out;
  };

  const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

  const paragraph = (count: number, { footnote = false } = {}): JSONContent => {
    stats.paragraphs += 1;
    const wordsOfParagraph = sentenceWords(count);
    const content: JSONContent[] = [];
    let plain: string[] = [];
    let index = 0;
    const flushPlain = (trailingSpace: boolean) => {
      if (plain.length > 0) content.push(text(plain.join(' ') + (trailingSpace ? ' ' : '')));
      plain = [];
    };
    while (index < wordsOfParagraph.length) {
      // Now and then a short marked phrase, never at the very start or end and never two in a row.
      const canMark = index > 3 && index < wordsOfParagraph.length - 6 && plain.length > 3;
      const roll = random();
      const length = between(2, 4);
      const phraseWords = wordsOfParagraph.slice(index, index + length);
      const withinSentence = phraseWords.slice(0, -1).every((word) => !word.endsWith('.') && !word.endsWith(','));
      if (canMark && withinSentence && roll < 0.03) {
        const phrase = phraseWords.join(' ');
        flushPlain(true);
        const markRoll = random();
        const marks: JSONContent['marks'] =
          markRoll < 0.4
            ? [{ type: 'bold' }]
            : markRoll < 0.75
              ? [{ type: 'italic' }]
              : [{ type: 'link', attrs: { href: `https://example.org/reports/${between(100, 999)}`, target: null, rel: 'noopener noreferrer', class: null, title: null } }];
        content.push(text(phrase, marks));
        index += length;
        plain.push('');
        continue;
      }
      plain.push(wordsOfParagraph[index]!);
      index += 1;
    }
    flushPlain(false);
    if (footnote) {
      stats.footnotes += 1;
      content.push({ type: 'footnote', attrs: { note: sentenceWords(between(8, 18)).join(' ') } });
    }
    return { type: 'paragraph', content };
  };

  const heading = (): JSONContent => {
    stats.headings += 1;
    const level = stats.headings % 4 === 0 ? 3 : 2;
    const rest = sentenceWords(between(2, 5)).map((word) => word.replace(/[.,]$/, ''));
    remaining -= 1;
    return { type: 'heading', attrs: { level }, content: [text(`${pick(HEADING_WORDS)} ${rest.join(' ')}`)] };
  };

  const bulletList = (): JSONContent => {
    stats.bulletLists += 1;
    const items = between(3, 5);
    return {
      type: 'bulletList',
      content: Array.from({ length: items }, () => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [text(sentenceWords(between(8, 15)).join(' '))] }],
      })),
    };
  };

  const table = (): JSONContent => {
    stats.tables += 1;
    const cell = (type: 'tableHeader' | 'tableCell', value: string): JSONContent => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [{ type: 'paragraph', content: [text(value)] }],
    });
    const header = ['State', 'Signed', 'Ratified', 'Stockpile'];
    remaining -= header.length;
    const rows: JSONContent[] = [{ type: 'tableRow', content: header.map((value) => cell('tableHeader', value)) }];
    for (let row = 0; row < 6; row++) {
      const state = pick(VOCABULARY.slice(-13));
      const year = String(between(1997, 2024));
      const ratified = String(between(1998, 2025));
      const stockpile = String(between(0, 9000));
      remaining -= 4;
      rows.push({ type: 'tableRow', content: [state, year, ratified, stockpile].map((value) => cell('tableCell', value)) });
    }
    return { type: 'table', content: rows };
  };

  // Room kept back for the block after next, so the document always ends on an ordinary paragraph.
  const RESERVE = 240;
  const blocks: JSONContent[] = [];
  let wordsSinceHeading = 0;
  let section = 0;
  while (remaining > RESERVE) {
    if (wordsSinceHeading >= between(300, 360)) {
      blocks.push(heading());
      section += 1;
      wordsSinceHeading = 0;
      continue;
    }
    const before = remaining;
    if (wordsSinceHeading > 150 && section % 6 === 3 && blocks.at(-1)?.type === 'paragraph' && stats.bulletLists < section / 5) {
      blocks.push(bulletList());
    } else if (wordsSinceHeading > 150 && section === 12 && stats.tables === 0) {
      blocks.push(table());
    } else {
      blocks.push(paragraph(between(80, 150), { footnote: stats.paragraphs % 5 !== 0 && stats.paragraphs % 2 === 1 && stats.footnotes < 30 }));
    }
    wordsSinceHeading += before - remaining;
  }
  // The last words: one or two closing paragraphs that use up the budget exactly.
  if (remaining > 150) blocks.push(paragraph(remaining - 100));
  if (remaining > 0) blocks.push(paragraph(remaining));

  return { doc: { type: 'doc', content: blocks }, words: target - remaining, ...stats };
}

const VARIANT_WORDS = ['Yesterday', 'Meanwhile', 'Today', 'Eventually', 'Separately', 'Later', 'Again'];

/**
 * The same document with its last paragraph's first word changed, as if the writer had just
 * edited it: the word count stays the same while the stored text differs from the previous save.
 */
export function varyLastParagraph(doc: JSONContent, iteration: number): JSONContent {
  const content = [...(doc.content ?? [])];
  let index = content.length - 1;
  while (index >= 0 && content[index]!.type !== 'paragraph') index -= 1;
  if (index < 0) throw new Error('The document has no paragraph to vary.');
  const original = content[index]!;
  const first = original.content?.[0];
  if (!first || first.type !== 'text' || !first.text) throw new Error('The last paragraph does not start with text.');
  const variant = VARIANT_WORDS[iteration % VARIANT_WORDS.length]!;
  const changed: JSONContent = { ...first, text: first.text.replace(/^\S+/, variant) };
  content[index] = { ...original, content: [changed, ...(original.content ?? []).slice(1)] };
  return { ...doc, content };
}

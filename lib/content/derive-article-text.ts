import type { JSONContent } from '@tiptap/core';
import { docToPlainText } from './doc-to-plain-text';

export type DerivedText = { text: string; wordCount: number; excerpt: string; readingMinutes: number };

const WORDS_PER_MINUTE = 230;

/** Everything an article's pages and indexes need from its words, computed once on save. */
export function deriveArticleText(doc: JSONContent, { excerptLength = 240 } = {}): DerivedText {
  const text = docToPlainText(doc);
  const wordCount = countWords(text);
  return {
    text,
    wordCount,
    excerpt: makeExcerpt(text, excerptLength),
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu);
  return words?.length ?? 0;
}

export function makeExcerpt(text: string, maxLength: number): string {
  const firstBlock = text.split('\n\n')[0] ?? '';
  const flat = firstBlock.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxLength * 0.6 ? lastSpace : maxLength).replace(/[\s,;:.]+$/, '')}…`;
}

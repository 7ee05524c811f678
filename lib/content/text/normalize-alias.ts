import { foldDiacritics } from './fold-diacritics';

/** What alias matching compares: accents folded, lower case, single spaces, hyphens as spaces. */
export function normalizeAlias(value: string): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

import { foldDiacritics } from './fold-diacritics';

/** Lower-case ASCII words joined by hyphens: "Côte d'Ivoire" → "cote-divoire". */
export function slugify(value: string, { maxLength = 80 } = {}): string {
  return foldDiacritics(value)
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

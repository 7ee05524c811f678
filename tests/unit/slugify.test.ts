import { describe, expect, it } from 'vitest';
import { slugify } from '@/lib/content/text/slugify';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';

describe('slugify', () => {
  it.each([
    ['Russia', 'russia'],
    ["Côte d'Ivoire", 'cote-divoire'],
    ['Mine Ban Treaty', 'mine-ban-treaty'],
    ['  Bosnia & Herzegovina ', 'bosnia-and-herzegovina'],
    ['Åland Islands', 'aland-islands'],
    ['---', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('normalizeAlias', () => {
  it('folds case, accents and hyphens', () => {
    expect(normalizeAlias('Władysław Kosiniak-Kamysz')).toBe(normalizeAlias('wladyslaw kosiniak kamysz'));
    expect(normalizeAlias('  Ottawa   Convention ')).toBe('ottawa convention');
  });
});

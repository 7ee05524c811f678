import { describe, expect, it } from 'vitest';
import { importedSlug } from '@/lib/migration/import/imported-slug';

describe('the slug an imported item asks for', () => {
  it('keeps the source’s own slug, else one from the name, else the kind and source id', () => {
    expect(importedSlug({ slug: 'arms-trade', name: 'Arms & Trade', kind: 'section', sourceId: 'arms-trade' })).toEqual({ wanted: 'arms-trade', isNamed: true, unusable: null });
    expect(importedSlug({ slug: 'ядерный-договор', name: 'Nuclear treaty', kind: 'post', sourceId: '201' })).toEqual({ wanted: 'nuclear-treaty', isNamed: true, unusable: 'ядерный-договор' });
    expect(importedSlug({ slug: 'ядерный-договор', name: 'Ядерный договор', kind: 'post', sourceId: '201' })).toEqual({ wanted: 'post-201', isNamed: false, unusable: 'ядерный-договор' });
  });

  it('gives items whose slug, name and source id have no Latin letters slugs of their own, the same on every run, never the bare kind', () => {
    const security = importedSlug({ slug: 'безопасность', name: 'Безопасность', kind: 'section', sourceId: 'безопасность' });
    const diplomacy = importedSlug({ slug: 'дипломатия', name: 'Дипломатия', kind: 'section', sourceId: 'дипломатия' });
    expect(security.wanted).toMatch(/^section-[0-9a-f]{8}$/);
    expect(diplomacy.wanted).toMatch(/^section-[0-9a-f]{8}$/);
    expect(security.wanted).not.toBe(diplomacy.wanted);
    expect(importedSlug({ slug: 'безопасность', name: 'Безопасность', kind: 'section', sourceId: 'безопасность' }).wanted).toBe(security.wanted);
    // A category really named "section" keeps its own slug, which no made-up one can take.
    expect(importedSlug({ slug: 'section', name: 'Section', kind: 'section', sourceId: 'section' }).wanted).toBe('section');
  });
});

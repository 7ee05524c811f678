import { describe, expect, it } from 'vitest';
import { mostCoveredEntities } from '@/lib/site/most-covered-entities';
import { createTestArticle } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('the most covered entities on the home page', () => {
  it('count published articles of the month up to the newest one, most first, ties by name', () => {
    const [russia, finland, nato] = ['Russia', 'Finland', 'NATO'].map((name) => createTestEntity({ kind: 'country', name }));
    const inMonth = (day: number) => new Date(`2025-04-${String(day).padStart(2, '0')}T09:00:00Z`);
    createTestArticle({ entityIds: [russia!.id, finland!.id], publishedAt: inMonth(28) });
    createTestArticle({ entityIds: [russia!.id, nato!.id], publishedAt: inMonth(10) });
    createTestArticle({ entityIds: [finland!.id], publishedAt: inMonth(5) });
    // Two months before the newest article: outside the window.
    createTestArticle({ entityIds: [nato!.id], publishedAt: new Date('2025-02-20T09:00:00Z') });
    createTestArticle({ entityIds: [nato!.id], status: 'draft' });

    expect(mostCoveredEntities().map(({ name, articleCount }) => [name, articleCount])).toEqual([
      ['Finland', 2],
      ['Russia', 2],
      ['NATO', 1],
    ]);
  });

  it('is empty before anything is published', () => {
    createTestArticle({ status: 'draft' });
    expect(mostCoveredEntities()).toEqual([]);
  });
});

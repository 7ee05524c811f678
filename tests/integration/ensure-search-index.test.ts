import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleSearch } from '@/lib/site/search/article-search-table';
import { ensureSearchIndex } from '@/lib/site/search/ensure-search-index';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

it('fills an empty search index at start when published articles exist, and leaves a filled one alone', () => {
  createTestArticle({ title: 'Indexed once' });
  createTestArticle({ title: 'Still a draft', status: 'draft' });
  getDb().delete(articleSearch).run();
  expect(ensureSearchIndex()).toBe(1);
  expect(getDb().select({ value: count() }).from(articleSearch).get()?.value).toBe(1);
  expect(ensureSearchIndex()).toBe(0);
});

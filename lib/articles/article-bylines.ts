import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, contributors } from '@/db/schema';

export type Byline = { name: string; slug: string };

/** Authors of many articles in one query, in byline order. */
export function bylinesFor(articleIds: number[]): Map<number, Byline[]> {
  const result = new Map<number, Byline[]>();
  if (articleIds.length === 0) return result;
  const rows = getDb()
    .select({ articleId: articleAuthors.articleId, name: contributors.name, slug: contributors.slug })
    .from(articleAuthors)
    .innerJoin(contributors, eq(contributors.id, articleAuthors.contributorId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position))
    .all();
  for (const row of rows) {
    const list = result.get(row.articleId) ?? [];
    list.push({ name: row.name, slug: row.slug });
    result.set(row.articleId, list);
  }
  return result;
}

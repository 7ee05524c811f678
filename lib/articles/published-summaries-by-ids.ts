import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { publishedBylinesFor } from './article-bylines';
import { isPublicArticle } from './is-public-article';
import type { PublishedArticleSummary } from './published-article-summary';

const EXCERPT_LENGTH = 240;

/** The reader-site summaries of these articles, in the order of `ids`; any not public are left out. */
export function publishedSummariesByIds(ids: readonly number[]): PublishedArticleSummary[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select({
      id: articles.id,
      slug: revisions.slug,
      title: revisions.title,
      dek: revisions.dek,
      lead: sql<string>`substr(${revisions.bodyText}, 1, 2000)`,
      publishedAt: articles.publishedAt,
      sectionName: sections.name,
      sectionSlug: sections.slug,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .leftJoin(sections, eq(sections.id, articles.publishedSectionId))
    .where(and(inArray(articles.id, [...ids]), isPublicArticle()))
    .all();
  const bylines = publishedBylinesFor(rows.map((row) => row.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row || !row.publishedAt) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        title: row.title,
        dek: row.dek,
        excerpt: makeExcerpt(row.lead, EXCERPT_LENGTH),
        publishedAt: row.publishedAt,
        section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
        authors: bylines.get(row.id) ?? [],
      },
    ];
  });
}

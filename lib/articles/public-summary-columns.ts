import 'server-only';
import { sql } from 'drizzle-orm';
import { articles, revisions, sections } from '@/db/schema';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { publishedBylinesFor } from './article-bylines';
import type { PublishedArticleSummary } from './published-article-summary';

const EXCERPT_LENGTH = 240;

/**
 * What a list on the reader site selects for each article, all from the published snapshot (the
 * revision, and the section it was published in); join `revisions` on `articles.publishedRevisionId`
 * and `sections` on `articles.publishedSectionId`.
 */
export const PUBLIC_SUMMARY_COLUMNS = {
  id: articles.id,
  slug: revisions.slug,
  title: revisions.title,
  dek: revisions.dek,
  // Only the opening is needed for an excerpt; a long article's full text would be read for nothing.
  lead: sql<string>`substr(${revisions.bodyText}, 1, 2000)`,
  publishedAt: articles.publishedAt,
  sectionName: sections.name,
  sectionSlug: sections.slug,
};

export type PublicSummaryRow = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  lead: string;
  publishedAt: Date | null;
  sectionName: string | null;
  sectionSlug: string | null;
};

/** The rows as summaries, with their published bylines (one query for all); rows never published are left out. */
export function toPublishedSummaries(rows: readonly PublicSummaryRow[]): PublishedArticleSummary[] {
  const bylines = publishedBylinesFor(rows.map((row) => row.id));
  return rows.flatMap((row) =>
    row.publishedAt
      ? [
          {
            id: row.id,
            slug: row.slug,
            title: row.title,
            dek: row.dek,
            // `articles.excerpt` follows the working copy, which may hold unpublished edits.
            excerpt: makeExcerpt(row.lead, EXCERPT_LENGTH),
            publishedAt: row.publishedAt,
            section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
            authors: bylines.get(row.id) ?? [],
          },
        ]
      : [],
  );
}

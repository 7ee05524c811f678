import 'server-only';
import { sql } from 'drizzle-orm';
import { articles, revisions, sections } from '@/db/schema';
import type { JSONContent } from '@tiptap/core';
import { makeExcerpt } from '@/lib/content/derive-article-text';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { publicPartOf } from '@/lib/content/public-part';
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
  // A gated article's excerpt comes from its public part, so lists, feeds and mail never quote the members' part.
  gatedBody: sql<string | null>`case when ${articles.publishedAccess} = 'public' then null else ${revisions.body} end`,
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
  gatedBody: string | null;
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
            excerpt: makeExcerpt(row.gatedBody === null ? row.lead : publicLead(row.gatedBody), EXCERPT_LENGTH),
            isMembersOnly: row.gatedBody !== null,
            publishedAt: row.publishedAt,
            section: row.sectionName && row.sectionSlug ? { name: row.sectionName, slug: row.sectionSlug } : null,
            authors: bylines.get(row.id) ?? [],
          },
        ]
      : [],
  );
}

function publicLead(body: string): string {
  try {
    return docToPlainText(publicPartOf(JSON.parse(body) as JSONContent));
  } catch {
    return '';
  }
}

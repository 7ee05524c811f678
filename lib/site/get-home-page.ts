import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { issues, media } from '@/db/schema';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import type { PublishedArticleSummary } from '@/lib/articles/published-article-summary';
import { cacheTags } from '@/lib/platform/cache/cache-tags';
import { toMediaView, type MediaView } from '@/lib/media/media-view';
import { mostCoveredEntities, type CoveredEntity } from './most-covered-entities';
import { READER_CACHE_LIFE } from './reader-cache-life';

export type HomeIssue = {
  id: number;
  slug: string;
  title: string;
  volume: number;
  number: number;
  editorsNote: string;
  cover: Pick<MediaView, 'url' | 'srcset' | 'width' | 'height' | 'alt'> | null;
  highlights: PublishedArticleSummary[];
};

export type HomePage = {
  issue: HomeIssue | null;
  latest: PublishedArticleSummary[];
  mostCovered: CoveredEntity[];
};

const HIGHLIGHTS = 4;
const LATEST = 12;

/** The home page: the current issue with its cover and highlights, the latest articles, and what was most covered this month. */
export async function getHomePage(): Promise<HomePage> {
  'use cache';
  cacheLife(READER_CACHE_LIFE);
  cacheTag(cacheTags.site, cacheTags.home, cacheTags.latestArticles, cacheTags.issueList);
  const issue = currentIssue();
  const highlights = issue ? listPublishedArticles({ issueId: issue.id, limit: HIGHLIGHTS }) : [];
  const highlighted = new Set(highlights.map((article) => article.id));
  // The latest list leaves out what the issue block already shows.
  const latest = listPublishedArticles({ limit: LATEST + highlights.length })
    .filter((article) => !highlighted.has(article.id))
    .slice(0, LATEST);
  const mostCovered = mostCoveredEntities({ limit: 8 });
  cacheTag(
    ...(issue ? [cacheTags.issue(issue.id)] : []),
    ...[...highlights, ...latest].map((article) => cacheTags.article(article.id)),
    ...mostCovered.map((entity) => cacheTags.entity(entity.id)),
  );
  return { issue: issue ? { ...issue, highlights } : null, latest, mostCovered };
}

function currentIssue(): Omit<HomeIssue, 'highlights'> | null {
  const row = getDb()
    .select({
      id: issues.id,
      slug: issues.slug,
      title: issues.title,
      volume: issues.volume,
      number: issues.number,
      editorsNote: issues.editorsNote,
      cover: media,
    })
    .from(issues)
    .leftJoin(media, eq(media.id, issues.coverMediaId))
    .where(eq(issues.status, 'published'))
    .orderBy(desc(issues.coverDate), desc(issues.id))
    .get();
  if (!row) return null;
  const { cover, ...issue } = row;
  if (!cover) return { ...issue, cover: null };
  const view = toMediaView(cover);
  return { ...issue, cover: { url: view.url, srcset: view.srcset, width: view.width, height: view.height, alt: view.alt } };
}

import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles, issues, revisions, sections, type AccessLevel, type ArticleStatus } from '@/db/schema';
import { writePublishedSnapshot } from '@/lib/articles/published-snapshot';
import { deriveArticleText } from '@/lib/content/derive-article-text';

let sequence = 0;

export function paragraphDoc(text: string): JSONContent {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function createTestSection(name = 'News'): number {
  sequence += 1;
  return getDb().insert(sections).values({ name, slug: `${name.toLowerCase()}-${sequence}`, position: sequence }).returning().get().id;
}

export function createTestIssue({
  status = 'published' as 'planning' | 'ready' | 'published',
  coverDate = '2025-04-01',
  archiveFreeAfterMonths = null as number | null,
} = {}): { id: number; slug: string } {
  sequence += 1;
  const slug = `${coverDate.slice(0, 7)}-${sequence}`;
  const row = getDb()
    .insert(issues)
    .values({ slug, title: `Issue ${sequence}`, volume: 1, number: sequence, coverDate, status, archiveFreeAfterMonths })
    .returning()
    .get();
  return { id: row.id, slug };
}

/**
 * An article; when published, its snapshot is a revision plus the published byline, section and
 * issue (and the tags in `entityIds`), so the working copy may differ later.
 */
export function createTestArticle({
  title = `Article ${++sequence}`,
  text = 'Body text.',
  status = 'published' as ArticleStatus,
  sectionId = null as number | null,
  issueId = null as number | null,
  authorContributorIds = [] as number[],
  entityIds = [] as number[],
  createdBy = null as number | null,
  publishedAt = new Date('2025-04-02T10:00:00Z'),
  body = paragraphDoc(text),
  access = 'public' as AccessLevel,
  accessTierIds = [] as number[],
}: {
  title?: string;
  text?: string;
  status?: ArticleStatus;
  sectionId?: number | null;
  issueId?: number | null;
  authorContributorIds?: number[];
  entityIds?: number[];
  createdBy?: number | null;
  publishedAt?: Date;
  body?: JSONContent;
  access?: AccessLevel;
  accessTierIds?: number[];
} = {}): { id: number; slug: string } {
  const db = getDb();
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${sequence}`;
  const derived = deriveArticleText(body);
  const isPublished = status === 'published';
  const article = db
    .insert(articles)
    .values({
      slug,
      title,
      body,
      bodyText: derived.text,
      wordCount: derived.wordCount,
      excerpt: derived.excerpt,
      sectionId,
      issueId,
      status,
      createdBy,
      access,
      accessTierIds,
      publishedAt: isPublished ? publishedAt : null,
      firstPublishedAt: isPublished ? publishedAt : null,
      modifiedAt: isPublished ? publishedAt : null,
    })
    .returning()
    .get();
  authorContributorIds.forEach((contributorId, position) => {
    db.insert(articleAuthors).values({ articleId: article.id, contributorId, position }).run();
  });
  if (isPublished) {
    const revision = db
      .insert(revisions)
      .values({ articleId: article.id, version: 1, slug, title, body, bodyText: derived.text, reason: 'publish' })
      .returning()
      .get();
    db.update(articles).set({ publishedRevisionId: revision.id }).where(eq(articles.id, article.id)).run();
  }
  for (const entityId of entityIds) db.insert(articleEntities).values({ articleId: article.id, entityId, source: 'manual' }).run();
  if (isPublished) writePublishedSnapshot(db, article.id);
  return { id: article.id, slug };
}

/** Copies an article's working byline, tags, section and issue into its published snapshot, as a republish does. */
export function refreshTestSnapshot(articleId: number): void {
  writePublishedSnapshot(getDb(), articleId);
}

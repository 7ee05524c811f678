import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, type ArticleStatus } from '@/db/schema';
import { createTestArticle } from './article';

/**
 * An article put straight into a workflow state, with the moments that state carries, without
 * going through the transitions (tests of the transitions themselves use those).
 */
export function createWorkflowArticle({
  status,
  title,
  scheduledFor = null,
  embargoedUntil = null,
  updatedAt,
  sectionId = null,
  issueId = null,
  authorContributorIds = [],
  createdBy = null,
  publishedAt,
}: {
  status: ArticleStatus;
  title?: string;
  scheduledFor?: Date | null;
  embargoedUntil?: Date | null;
  updatedAt?: Date;
  sectionId?: number | null;
  issueId?: number | null;
  authorContributorIds?: number[];
  createdBy?: number | null;
  publishedAt?: Date;
}): { id: number; slug: string } {
  const article = createTestArticle({ title, status, sectionId, issueId, authorContributorIds, createdBy, publishedAt });
  getDb()
    .update(articles)
    .set({ scheduledFor, embargoedUntil, ...(updatedAt ? { updatedAt } : {}) })
    .where(eq(articles.id, article.id))
    .run();
  return article;
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { loadArticleFor } from './article-access';
import { getRevisionOf } from './compare-revisions';
import { saveArticle, type SaveResult } from './save-article';

/**
 * Makes an old revision the working copy again, as a new revision on top: nothing in the history
 * is removed or changed. The article keeps its current slug, so links made since stay valid.
 */
export function restoreRevision({ articleId, revisionId, actor }: { articleId: number; revisionId: number; actor: StaffIdentity }): SaveResult {
  loadArticleFor({ id: articleId, actor, action: 'article.edit' });
  const revision = getRevisionOf({ articleId, revisionId });
  const current = getDb().select({ version: articles.version, slug: articles.slug }).from(articles).where(eq(articles.id, articleId)).get()!;
  return saveArticle({
    id: articleId,
    actor,
    restoring: { version: revision.version },
    input: {
      baseVersion: current.version,
      reason: 'save',
      title: revision.title,
      dek: revision.dek,
      slug: current.slug,
      body: revision.body,
      sectionId: revision.meta.sectionId ?? null,
      issueId: revision.meta.issueId ?? null,
      authorContributorIds: revision.meta.authorContributorIds ?? [],
      seoTitle: revision.meta.seoTitle ?? '',
      seoDescription: revision.meta.seoDescription ?? '',
      featuredMediaId: revision.meta.featuredMediaId ?? null,
    },
  });
}

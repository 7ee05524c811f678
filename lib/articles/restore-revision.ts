import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { shareRestoredBody } from '@/lib/collab/collab-rooms';
import { loadArticleFor } from './article-access';
import { getRevisionOf } from './compare-revisions';
import { saveArticle, type SaveResult } from './save-article';
import { bodyToStore } from './save-article-and-share';

/**
 * Makes an old revision the working copy again, as a new revision on top: nothing in the history
 * is removed or changed. The article keeps its current slug, so links made since stay valid.
 */
export function restoreRevision({ articleId, revisionId, actor }: { articleId: number; revisionId: number; actor: StaffIdentity }): SaveResult {
  loadArticleFor({ id: articleId, actor, action: 'article.edit' });
  const revision = getRevisionOf({ articleId, revisionId });
  const current = getDb().select({ version: articles.version, slug: articles.slug, issueId: articles.issueId }).from(articles).where(eq(articles.id, articleId)).get()!;
  // Only editors file articles into issues; for anyone else a restore keeps the issue the article is in now.
  const issueId = can({ role: actor.role, action: 'issue.manage' }) ? (revision.meta.issueId ?? null) : current.issueId;
  const body = bodyToStore({ articleId, body: revision.body });
  const result = saveArticle({
    id: articleId,
    actor,
    restoring: { version: revision.version },
    input: {
      baseVersion: current.version,
      reason: 'save',
      title: revision.title,
      dek: revision.dek,
      slug: current.slug,
      body,
      sectionId: revision.meta.sectionId ?? null,
      issueId,
      authorContributorIds: revision.meta.authorContributorIds ?? [],
      seoTitle: revision.meta.seoTitle ?? '',
      seoDescription: revision.meta.seoDescription ?? '',
      featuredMediaId: revision.meta.featuredMediaId ?? null,
    },
  });
  // Live editing: the restored text reaches every open editor as an edit by the person who restored it.
  if (result.ok) shareRestoredBody({ articleId, actor, body });
  return result;
}

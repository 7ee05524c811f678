import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { revisions } from '@/db/schema';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { can } from '@/lib/staff/auth/policy';
import { instantToWallTime } from '@/lib/platform/time/zoned-time';
import type { ArticleStatus } from '@/db/schema';
import { isOwnArticle, loadArticleFor } from './article-access';
import { preflightArticle } from './preflight-article';
import type { PreflightReport } from './preflight-checks';
import { availableWorkflowActions, canEditInState, lockedReason, type Requirement, type WorkflowAction } from './workflow';

export type WorkflowState = {
  status: ArticleStatus;
  version: number;
  actions: { action: WorkflowAction; label: string; needs: readonly Requirement[] }[];
  preflight: PreflightReport;
  canEdit: boolean;
  lockedReason: string | null;
  canSetEmbargo: boolean;
  timeZone: string;
  /** Instants as ISO strings, and as the site's wall clock for datetime-local fields. */
  scheduledFor: { iso: string; wall: string } | null;
  embargoedUntil: { iso: string; wall: string } | null;
  publishedAt: string | null;
  isPublished: boolean;
  /** The working copy has saves the site does not show yet (a published article edited since). */
  hasUnpublishedChanges: boolean;
};

function publishedVersion(revisionId: number | null): number {
  if (revisionId === null) return 0;
  return getDb().select({ version: revisions.version }).from(revisions).where(eq(revisions.id, revisionId)).get()?.version ?? 0;
}

/** What the editor's workflow panel shows: where the article stands and what this person may do next. */
export function getWorkflowState({ id, actor }: { id: number; actor: StaffIdentity }): WorkflowState {
  const article = loadArticleFor({ id, actor, action: 'article.view' });
  const isOwn = isOwnArticle({ article, actor });
  const canEdit = canEditInState({ status: article.status, role: actor.role, isOwn });
  const { timeZone } = getSiteSettings();
  const asTimes = (instant: Date | null) => (instant ? { iso: instant.toISOString(), wall: instantToWallTime({ instant, timeZone }) } : null);
  return {
    status: article.status,
    version: article.version,
    actions: availableWorkflowActions({ status: article.status, role: actor.role, isOwn }).map(({ action, label, needs }) => ({ action, label, needs })),
    preflight: preflightArticle(article),
    canEdit,
    lockedReason: canEdit ? null : lockedReason(article.status),
    canSetEmbargo: can({ role: actor.role, action: 'article.publish' }) && article.status !== 'published',
    timeZone,
    scheduledFor: asTimes(article.scheduledFor),
    embargoedUntil: asTimes(article.embargoedUntil),
    publishedAt: article.publishedAt?.toISOString() ?? null,
    isPublished: article.status === 'published',
    hasUnpublishedChanges: article.status === 'published' && publishedVersion(article.publishedRevisionId) < article.version,
  };
}

import 'server-only';
import type { Db } from '@/db/client';
import type { Article } from '@/db/schema';
import { ARTICLE_STATUS_LABELS } from '@/lib/articles/article-status-labels';
import { preflightArticle } from '@/lib/articles/preflight-article';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { formatInZone } from '@/lib/platform/time/zoned-time';

type Reader = Pick<Db, 'select'>;

/** Whether an article lets its issue be published now, and if not, each reason in a sentence. */
export type IssueArticleAssessment = { isReady: boolean; reasons: string[] };

const PUBLISHABLE_STATES = new Set<Article['status']>(['approved', 'scheduled']);

/**
 * The issue's view of one article: published ones are done; approved or scheduled ones must pass
 * the preflight checklist and be out of embargo; anything else still needs an editor's approval.
 */
export function assessIssueArticle(db: Reader, { article, now }: { article: Article; now: Date }): IssueArticleAssessment {
  if (article.status === 'published') return { isReady: true, reasons: [] };
  if (!PUBLISHABLE_STATES.has(article.status)) {
    return { isReady: false, reasons: [`It is ${ARTICLE_STATUS_LABELS[article.status].toLowerCase()}; it needs an editor’s approval.`] };
  }
  const reasons = preflightArticle(article, db).blocking.map((problem) => problem.message);
  if (article.embargoedUntil && article.embargoedUntil > now) {
    reasons.push(`It is embargoed until ${formatInZone({ instant: article.embargoedUntil, timeZone: getSiteSettings().timeZone })}.`);
  }
  return { isReady: reasons.length === 0, reasons };
}

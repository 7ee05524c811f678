import type { DashboardGroup, DashboardGroupKey } from '@/lib/articles/desk-dashboard';
import { DashboardArticleItem, type ArticleMoment } from './dashboard-article-item';
import styles from './dashboard.module.css';
import { EmptyState } from '@/components/ui/empty-state';
import { Badge } from '@/components/ui/badge';

export const DASHBOARD_GROUP_TEXT: Record<DashboardGroupKey, { title: string; anchor: string; about: string; empty: string; moment: ArticleMoment }> = {
  myDrafts: {
    title: 'My drafts',
    anchor: 'my-drafts',
    about: 'Drafts and articles sent back for changes that you started or are in the byline of.',
    empty: 'No drafts of yours.',
    moment: 'updated',
  },
  awaitingReview: {
    title: 'Awaiting review',
    anchor: 'awaiting-review',
    about: 'Submitted and waiting for an editor, the longest-waiting first.',
    empty: 'Nothing is waiting for review.',
    moment: 'updated',
  },
  changesRequested: {
    title: 'Changes requested',
    anchor: 'changes-requested',
    about: 'Sent back to their authors with notes.',
    empty: 'No article is waiting for changes.',
    moment: 'updated',
  },
  approved: {
    title: 'Approved',
    anchor: 'approved',
    about: 'Ready to schedule or publish.',
    empty: 'No approved articles.',
    moment: 'updated',
  },
  recentlyPublished: {
    title: 'Recently published',
    anchor: 'recently-published',
    about: 'The latest published articles.',
    empty: 'Nothing has been published.',
    moment: 'published',
  },
};

/** One workflow group: a heading with its count, and the first few of its articles. */
export function DashboardGroupSection({ group, timeZone }: { group: DashboardGroup; timeZone: string }) {
  const text = DASHBOARD_GROUP_TEXT[group.key];
  const headingId = `${text.anchor}-heading`;
  return (
    <section className={styles.group} id={text.anchor} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {text.title} <Badge kind="count">{group.count}</Badge>
      </h2>
      <p className="hint">{text.about}</p>
      {group.articles.length === 0 ? (
        <EmptyState>{text.empty}</EmptyState>
      ) : (
        <ul className={styles.articleList}>
          {group.articles.map((article) => (
            <DashboardArticleItem key={article.id} article={article} timeZone={timeZone} moment={text.moment} isStatusShown={group.key === 'myDrafts'} />
          ))}
        </ul>
      )}
      {group.count > group.articles.length ? (
        <p className="meta">
          Showing {group.articles.length} of {group.count}.
        </p>
      ) : null}
    </section>
  );
}

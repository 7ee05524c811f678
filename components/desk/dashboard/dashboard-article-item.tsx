import Link from 'next/link';
import type { DashboardArticle } from '@/lib/articles/desk-dashboard';
import styles from './dashboard.module.css';
import { StatusBadge } from './status-badge';
import { ZonedTime } from './zoned-time';

export type ArticleMoment = 'updated' | 'published' | 'scheduled';

/** One article in a dashboard group: a link to its editor and what an editor scans for. */
export function DashboardArticleItem({
  article,
  timeZone,
  moment,
  isStatusShown = false,
}: {
  article: DashboardArticle;
  timeZone: string;
  moment: ArticleMoment;
  isStatusShown?: boolean;
}) {
  const details = [article.authors.map((author) => author.name).join(', '), article.section, article.issue].filter(Boolean).join(' · ');
  return (
    <li>
      <span className={styles.articleTitle}>
        <Link href={`/desk/articles/${article.id}`}>{article.title || 'Untitled'}</Link>
        {isStatusShown ? <StatusBadge status={article.status} /> : null}
      </span>
      {details ? <p className="meta">{details}</p> : null}
      <ArticleMomentLine article={article} timeZone={timeZone} moment={moment} />
      <EmbargoMarker article={article} timeZone={timeZone} />
    </li>
  );
}

/** "Embargoed until …" while an embargo holds; nothing otherwise. */
export function EmbargoMarker({ article, timeZone }: { article: DashboardArticle; timeZone: string }) {
  if (!article.embargoedUntil) return null;
  return (
    <p className={styles.embargo}>
      Embargoed until <ZonedTime moment={article.embargoedUntil} timeZone={timeZone} />
    </p>
  );
}

function ArticleMomentLine({ article, timeZone, moment }: { article: DashboardArticle; timeZone: string; moment: ArticleMoment }) {
  if (moment === 'scheduled' && article.scheduledFor) {
    return (
      <p className="meta">
        {article.isOverdue ? <span className={styles.overdue}>Due since </span> : 'Publishes '}
        <ZonedTime moment={article.scheduledFor} timeZone={timeZone} isTimeOnly />
      </p>
    );
  }
  if (moment === 'published' && article.publishedAt) {
    return (
      <p className="meta">
        Published <ZonedTime moment={article.publishedAt} timeZone={timeZone} />
      </p>
    );
  }
  return (
    <p className="meta">
      Updated <ZonedTime moment={article.updatedAt} timeZone={timeZone} />
    </p>
  );
}

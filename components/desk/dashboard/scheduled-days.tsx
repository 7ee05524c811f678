import type { ScheduledDay } from '@/lib/articles/desk-dashboard';
import { DashboardArticleItem } from './dashboard-article-item';
import styles from './dashboard.module.css';
import { EmptyState } from '@/components/ui/empty-state';

/** Scheduled articles in publication order, under a heading for each day. */
export function ScheduledDays({ days, timeZone }: { days: ScheduledDay[]; timeZone: string }) {
  if (days.length === 0) return <EmptyState>Nothing is scheduled.</EmptyState>;
  return (
    <div className={styles.days}>
      {days.map((day) => (
        <section key={day.day || 'undated'} aria-label={day.label}>
          <h3>{day.day ? <time dateTime={day.day}>{day.label}</time> : day.label}</h3>
          <ul className={styles.articleList}>
            {day.articles.map((article) => (
              <DashboardArticleItem key={article.id} article={article} timeZone={timeZone} moment="scheduled" />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

import Link from 'next/link';
import { DeskTable } from '@/components/desk/desk-table';
import type { DashboardArticle } from '@/lib/articles/desk-dashboard';
import { EmbargoMarker } from './dashboard-article-item';
import { StatusBadge } from './status-badge';
import { ZonedTime } from './zoned-time';

/** Every article the filters let through, most recently updated first. */
export function AllArticlesTable({ articles, timeZone }: { articles: DashboardArticle[]; timeZone: string }) {
  return (
    <DeskTable columns={['Title', 'Status', 'Authors', 'Section', 'Issue', 'Updated']}>
      {articles.map((article) => (
        <tr key={article.id}>
          <td>
            <Link href={`/desk/articles/${article.id}`}>{article.title || 'Untitled'}</Link>
            <EmbargoMarker article={article} timeZone={timeZone} />
          </td>
          <td>
            <StatusBadge status={article.status} />
            {article.scheduledFor ? (
              <p className="meta">
                <ZonedTime moment={article.scheduledFor} timeZone={timeZone} />
              </p>
            ) : null}
          </td>
          <td>{article.authors.map((author) => author.name).join(', ') || '—'}</td>
          <td>{article.section ?? '—'}</td>
          <td>{article.issue ?? '—'}</td>
          <td>
            <time dateTime={article.updatedAt.iso}>{article.updatedAt.label}</time>
          </td>
        </tr>
      ))}
    </DeskTable>
  );
}

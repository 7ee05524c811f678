import Link from 'next/link';
import type { AuditEntryView } from '@/lib/staff/audit/audit-entry-view';
import { EmptyState } from '@/components/ui/empty-state';

/** One article's audit trail, newest first: who did what, when, and the note they left. */
export function ArticleAuditLog({
  entries,
  timeZone,
  olderHref = null,
}: {
  entries: AuditEntryView[];
  /** The site's time zone, in which times are shown. */
  timeZone: string;
  /** Where the next, older page of entries is, when there is one. */
  olderHref?: string | null;
}) {
  if (entries.length === 0) return <EmptyState>Nothing has been recorded for this article yet.</EmptyState>;
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <>
      <ol className="article-audit-log" aria-label="Audit log of this article">
        {entries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.createdAt.toISOString()}>{stamp.format(entry.createdAt)}</time>{' '}
            <strong>{entry.actorName ?? (entry.actorId === null ? 'The site' : 'A former staff member')}</strong> <code>{entry.action}</code>
            {entry.note ? <span> — {entry.note}</span> : null}
          </li>
        ))}
      </ol>
      {olderHref ? (
        <p>
          <Link href={olderHref}>Older entries →</Link>
        </p>
      ) : null}
    </>
  );
}

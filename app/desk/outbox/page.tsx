import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { OUTBOX_STATUSES, type OutboxStatus } from '@/lib/readers/mail/outbox-statuses';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { getConfig } from '@/lib/platform/config/get-config';
import { listOutbox } from '@/lib/readers/mail/list-outbox';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import styles from './outbox.module.css';
import { DeskTable } from '@/components/desk/desk-table';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Outbox', robots: { index: false } };

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Waiting', sent: 'Sent', failed: 'Failed' };
const STATUS_TONES: Record<OutboxStatus, BadgeTone> = { pending: 'waiting', sent: 'positive', failed: 'negative' };

type Props = { searchParams: Promise<{ status?: string; before?: string }> };

/** Every message the site queued, newest first; without a mail server this is where mail ends up. */
export default async function OutboxPage({ searchParams }: Props) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/outbox' });
  if (!can({ role: staff.role, action: 'mail.view' })) {
    return (
      <DeskShell staff={staff}>
        <h1>Outbox</h1>
        <p>You are not allowed to read the site’s outgoing mail; editors and administrators can.</p>
      </DeskShell>
    );
  }
  const params = await searchParams;
  const status = OUTBOX_STATUSES.find((option) => option === params.status) ?? null;
  const before = Number(params.before);
  const page = listOutbox({ actor: staff, status, before: Number.isInteger(before) && before > 0 ? before : null });
  const { timeZone } = getSiteSettings();
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const isDelivering = getConfig().smtpUrl !== null;
  return (
    <DeskShell staff={staff} isWide>
      <h1>Outbox</h1>
      <p className="meta">
        {isDelivering
          ? 'Messages are delivered through the mail server; failed ones are retried.'
          : 'No mail server is set (SMTP_URL), so messages stay here: open one to read it.'}{' '}
        Links that sign someone in, confirm, set a password or unsubscribe are hidden: only their recipient may use them. Times are in {timeZone}.
      </p>
      <nav aria-label="Show" className="view-switch">
        <Link href="/desk/outbox" aria-current={status === null ? 'page' : undefined}>
          All
        </Link>
        {OUTBOX_STATUSES.map((option) => (
          <Link key={option} href={`/desk/outbox?status=${option}`} aria-current={status === option ? 'page' : undefined}>
            {STATUS_LABELS[option]}
          </Link>
        ))}
      </nav>
      {page.messages.length === 0 ? (
        <EmptyState isAnnounced>{status ? 'No messages with that status.' : 'No mail yet.'}</EmptyState>
      ) : (
        <DeskTable columns={['Status', 'To', 'Subject and text', 'Queued', 'Sent', 'Attempts', 'Last error']}>
          {page.messages.map((message) => (
            <tr key={message.id}>
              <td>
                <Badge kind="status" tone={STATUS_TONES[message.status]}>{STATUS_LABELS[message.status]}</Badge>
              </td>
              <td>{message.to}</td>
              <td>
                <details>
                  <summary>{message.subject}</summary>
                  {Object.keys(message.headers).length > 0 ? (
                    <pre className="meta preformatted preformatted-spaced">
                      {Object.entries(message.headers)
                        .map(([name, value]) => `${name}: ${value}`)
                        .join('\n')}
                    </pre>
                  ) : null}
                  {message.html ? (
                    // Sandboxed with nothing allowed: no scripts, no forms, no access to the desk's origin.
                    <iframe title={`HTML version of ${message.subject}`} sandbox="" srcDoc={message.html} loading="lazy" className={`mail-frame ${styles.frame}`} />
                  ) : null}
                  <pre className="preformatted preformatted-spaced">{message.text}</pre>
                </details>
                <span className="meta">{message.kind}</span>
              </td>
              <td>{stamp.format(message.createdAt)}</td>
              <td>{message.sentAt ? stamp.format(message.sentAt) : '—'}</td>
              <td>{message.attempts}</td>
              <td>{message.lastError ?? '—'}</td>
            </tr>
          ))}
        </DeskTable>
      )}
      {page.nextBefore ? (
        <p>
          <Link href={`/desk/outbox?${new URLSearchParams({ ...(status ? { status } : {}), before: String(page.nextBefore) })}`}>Older messages →</Link>
        </p>
      ) : null}
    </DeskShell>
  );
}

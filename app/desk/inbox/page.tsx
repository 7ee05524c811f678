import '@/components/editor/notes/notes.css';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { INBOX_PAGE_SIZE, listNotifications } from '@/lib/staff/notifications/list-notifications';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { InboxList, type InboxEntry } from './inbox-list.client';

export const metadata: Metadata = { title: 'Inbox', robots: { index: false } };

export default async function InboxPage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/inbox' });
  const inbox = listNotifications({ actor: staff });
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: getSiteSettings().timeZone });
  const entries: InboxEntry[] = inbox.items.map((item) => ({
    id: item.id,
    message: item.message,
    href: item.href,
    isRead: item.isRead,
    createdAt: item.createdAt.toISOString(),
    when: when.format(item.createdAt),
  }));
  return (
    <DeskShell staff={staff}>
      <h1>Inbox</h1>
      <p>Submissions, requested changes, approvals, publications, notes on your articles and mentions of you, newest first. Each also comes by email.</p>
      <InboxList entries={entries} unreadCount={inbox.unreadCount} />
      {inbox.total > inbox.items.length ? (
        <p className="meta">
          Showing the latest {INBOX_PAGE_SIZE} of {inbox.total}.
        </p>
      ) : null}
    </DeskShell>
  );
}

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export type InboxEntry = { id: number; message: string; href: string | null; isRead: boolean; createdAt: string; when: string };

/** The inbox items, unread ones marked; opening one or "Mark all read" marks them read. */
export function InboxList({ entries, unreadCount }: { entries: InboxEntry[]; unreadCount: number }) {
  const router = useRouter();
  const [readIds, setReadIds] = useState<Set<number>>(new Set());
  const [isAllRead, setIsAllRead] = useState(false);
  const [error, setError] = useState('');
  const isRead = (entry: InboxEntry) => isAllRead || entry.isRead || readIds.has(entry.id);
  const unread = isAllRead ? 0 : unreadCount - entries.filter((entry) => !entry.isRead && readIds.has(entry.id)).length;

  const mark = async (body: { ids: number[] } | { all: true }): Promise<boolean> => {
    try {
      const response = await fetch('/api/desk/notifications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        keepalive: true,
      });
      if (response.ok) return true;
      const data = (await response.json().catch(() => null)) as { error?: string } | null;
      setError(data?.error ?? 'The inbox could not be updated; try again in a moment.');
    } catch {
      setError('You seem to be offline; the inbox could not be updated.');
    }
    return false;
  };

  const markAll = async () => {
    if (await mark({ all: true })) {
      setIsAllRead(true);
      setError('');
      router.refresh();
    }
  };

  const open = (entry: InboxEntry) => {
    if (isRead(entry)) return;
    setReadIds((current) => new Set([...current, entry.id]));
    void mark({ ids: [entry.id] });
  };

  return (
    <>
      <div className="inbox-actions">
        <p className="meta" role="status">
          {unread === 0 ? 'Nothing unread.' : `${unread} unread.`}
        </p>
        {unread > 0 ? (
          <Button onClick={() => void markAll()}>
            Mark all read
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries.length === 0 ? <EmptyState>Your inbox is empty. News of your articles and mentions of you will appear here.</EmptyState> : null}
      <ul className="inbox-list" aria-label="Notifications">
        {entries.map((entry) => (
          <li key={entry.id} className={isRead(entry) ? 'inbox-item' : 'inbox-item inbox-item-unread'}>
            <span className="inbox-message">
              {isRead(entry) ? null : <span className="visually-hidden">Unread: </span>}
              {entry.href ? (
                <Link href={entry.href} onClick={() => open(entry)}>
                  {entry.message}
                </Link>
              ) : (
                entry.message
              )}
            </span>
            <time className="meta" dateTime={entry.createdAt}>
              {entry.when}
            </time>
            {isRead(entry) || entry.href ? null : (
              <Button variant="quiet" onClick={() => open(entry)}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

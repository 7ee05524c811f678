import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { notifications, users } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { listNotifications } from '@/lib/staff/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/staff/notifications/mark-notifications-read';
import { searchStaffDirectory } from '@/lib/articles/notes/search-staff-directory';
import { GET as getNotifications, POST as postNotifications } from '@/app/api/desk/notifications/route';
import { GET as getStaffDirectory } from '@/app/api/desk/staff-directory/route';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({ getCurrentStaff: async () => signedIn.staff }));

withTempDatabase();

beforeEach(() => {
  signedIn.staff = null;
});

function notify({ userId, message, articleId = null, noteId = null }: { userId: number; message: string; articleId?: number | null; noteId?: number | null }): number {
  return getDb().insert(notifications).values({ userId, kind: 'note', message, articleId, noteId }).returning({ id: notifications.id }).get().id;
}

function readAtOf(id: number): Date | null {
  return getDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()!.readAt;
}

function postJson(body: unknown): Request {
  return new Request('http://localhost/api/desk/notifications', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the inbox', () => {
  it('lists only one’s own notifications, newest first, with the unread count and a link to the article', async () => {
    const me = await createTestStaff({ role: 'author' });
    const other = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ title: 'Treaty at 50', status: 'draft' });
    notify({ userId: me.id, message: 'first' });
    notify({ userId: other.id, message: 'not mine' });
    notify({ userId: me.id, message: 'second', articleId: article.id });

    const inbox = listNotifications({ actor: me });
    expect(inbox.items.map((item) => item.message)).toEqual(['second', 'first']);
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.items[0]).toMatchObject({ articleId: article.id, articleTitle: 'Treaty at 50', href: `/desk/articles/${article.id}`, isRead: false });
    expect(inbox.items[1]).toMatchObject({ href: null });
  });

  it('marks one read, ignores ids of someone else’s, and marks the rest read at once', async () => {
    const me = await createTestStaff({ role: 'author' });
    const other = await createTestStaff({ role: 'editor' });
    const mine = [notify({ userId: me.id, message: 'a' }), notify({ userId: me.id, message: 'b' }), notify({ userId: me.id, message: 'c' })];
    const theirs = notify({ userId: other.id, message: 'theirs' });

    expect(markNotificationsRead({ actor: me, ids: [mine[0]!, theirs] })).toEqual({ unreadCount: 2 });
    expect(readAtOf(mine[0]!)).not.toBeNull();
    expect(readAtOf(theirs)).toBeNull();
    expect(listNotifications({ actor: me }).items.find((item) => item.id === mine[0])?.isRead).toBe(true);

    expect(markNotificationsRead({ actor: me, ids: 'all' })).toEqual({ unreadCount: 0 });
    expect(mine.map(readAtOf).every((readAt) => readAt !== null)).toBe(true);
    expect(readAtOf(theirs)).toBeNull();
    expect(listNotifications({ actor: other }).unreadCount).toBe(1);
  });

  it('keeps when a notification was first read when it is marked read again', async () => {
    const me = await createTestStaff({ role: 'author' });
    const id = notify({ userId: me.id, message: 'a' });
    markNotificationsRead({ actor: me, ids: [id] });
    const firstRead = readAtOf(id)!.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    markNotificationsRead({ actor: me, ids: 'all' });
    expect(readAtOf(id)!.getTime()).toBe(firstRead);
  });
});

describe('the notifications endpoint', () => {
  it('answers 401 without a session and changes nothing', async () => {
    const me = await createTestStaff({ role: 'author' });
    const id = notify({ userId: me.id, message: 'a' });
    expect((await getNotifications()).status).toBe(401);
    expect((await postNotifications(postJson({ all: true }))).status).toBe(401);
    expect(readAtOf(id)).toBeNull();
  });

  it('lists and marks read for the signed-in staff member', async () => {
    const me = await createTestStaff({ role: 'author' });
    signedIn.staff = me;
    const id = notify({ userId: me.id, message: 'hello' });
    const listed = await (await getNotifications()).json();
    expect(listed).toMatchObject({ ok: true, unreadCount: 1, notifications: [{ id, message: 'hello', isRead: false }] });
    const marked = await postNotifications(postJson({ ids: [id] }));
    expect(await marked.json()).toEqual({ ok: true, unreadCount: 0 });
    expect(readAtOf(id)).not.toBeNull();
  });

  it('refuses a request that does not say what to mark, in a sentence', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const response = await postNotifications(postJson({ ids: 'everything' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'Say which notifications to mark read: { "ids": [ … ] } or { "all": true }.' });
  });
});

describe('the staff directory for mentions', () => {
  it('finds active colleagues by any part of their name, without the one asking, and never their address', async () => {
    const me = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const gone = await createTestStaff({ role: 'editor' });
    getDb().update(users).set({ isActive: false }).where(eq(users.id, gone.id)).run();
    const found = searchStaffDirectory({ actor: me, query: 'TEST ED' });
    expect(found).toEqual([{ id: editor.id, name: editor.name, role: 'editor' }]);
    expect(searchStaffDirectory({ actor: me, query: '' }).map((entry) => entry.id)).toEqual([editor.id]);
    expect(searchStaffDirectory({ actor: me, query: '%' })).toEqual([]);
  });

  it('is for signed-in staff only', async () => {
    const request = new Request('http://localhost/api/desk/staff-directory?q=test');
    expect((await getStaffDirectory(request)).status).toBe(401);
    signedIn.staff = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    expect(await (await getStaffDirectory(request)).json()).toEqual({ ok: true, staff: [{ id: editor.id, name: editor.name, role: 'editor' }] });
  });
});

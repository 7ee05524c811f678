import { z } from 'zod';
import { listNotifications } from '@/lib/staff/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/staff/notifications/mark-notifications-read';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

const NO_STORE = { 'Cache-Control': 'no-store' };

const markReadSchema = z.union(
  [z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })],
  { error: 'Say which notifications to mark read: { "ids": [ … ] } or { "all": true }.' },
);

/** The signed-in staff member's notifications, newest first, and how many are unread. */
export function GET() {
  return staffRoute((staff) => {
    const inbox = listNotifications({ actor: staff });
    return Response.json(
      {
        ok: true,
        unreadCount: inbox.unreadCount,
        notifications: inbox.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
      },
      { headers: NO_STORE },
    );
  });
}

/** Marks some (`ids`) or all (`all: true`) of one's own notifications read. */
export function POST(request: Request) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 16 * 1024 });
    if (!body.ok) return body.response;
    const parsed = markReadSchema.safeParse(body.value);
    if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? 'Say which notifications to mark read.');
    const result = markNotificationsRead({ actor: staff, ids: 'all' in parsed.data ? 'all' : parsed.data.ids });
    return Response.json({ ok: true, unreadCount: result.unreadCount }, { headers: NO_STORE });
  });
}

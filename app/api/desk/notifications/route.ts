import { z } from 'zod';
import { listNotifications } from '@/lib/staff/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/staff/notifications/mark-notifications-read';
import { jsonAnswer } from '@/lib/platform/http/json-body';
import { staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

/** The signed-in staff member's notifications, newest first, and how many are unread. */
export const GET = staffEndpoint({
  name: 'notification.list',
  permission: 'signed-in',
  audit: 'read-only',
  run: ({ staff }) => {
    const inbox = listNotifications({ actor: staff });
    return jsonAnswer({ ok: true, unreadCount: inbox.unreadCount, notifications: inbox.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })) });
  },
});

const markReadSchema = z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })], {
  error: 'Say which notifications to mark read: { "ids": [ … ] } or { "all": true }.',
});

/** Marks some (`ids`) or all (`all: true`) of one's own notifications read. */
export const POST = staffEndpoint({
  name: 'notification.mark-read',
  permission: 'signed-in',
  input: { body: markReadSchema, maxBytes: 16 * 1024 },
  // Read marks are one person's own inbox state.
  audit: 'read-only',
  run: ({ staff, input }) => jsonAnswer({ ok: true, unreadCount: markNotificationsRead({ actor: staff, ids: 'all' in input ? 'all' : input.ids }).unreadCount }),
});

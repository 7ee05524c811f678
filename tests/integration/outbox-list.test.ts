import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { listOutbox } from '@/lib/readers/mail/list-outbox';
import { inviteStaff } from '@/lib/staff/users/invite-staff';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function queue(index: number, kind = 'staff.note'): void {
  enqueueMail({ dedupeKey: `test:${index}`, kind, to: `reader${index}@example.org`, subject: `Message ${index}`, text: `Body ${index}` });
}

describe('the outbox in the desk', () => {
  it('lists messages newest first with status, attempts, last error and text', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    queue(1);
    queue(2);
    const sentAt = new Date('2025-04-02T10:00:00Z');
    getDb().update(outbox).set({ status: 'sent', attempts: 1, sentAt }).where(eq(outbox.dedupeKey, 'test:1')).run();
    getDb().update(outbox).set({ status: 'failed', attempts: 5, lastError: '550 mailbox unavailable' }).where(eq(outbox.dedupeKey, 'test:2')).run();

    const { messages, nextBefore } = listOutbox({ actor: editor });
    expect(messages).toMatchObject([
      { to: 'reader2@example.org', subject: 'Message 2', status: 'failed', attempts: 5, lastError: '550 mailbox unavailable', sentAt: null, text: 'Body 2' },
      { to: 'reader1@example.org', subject: 'Message 1', status: 'sent', attempts: 1, lastError: null, sentAt, text: 'Body 1' },
    ]);
    expect(messages[0]!.createdAt).toBeInstanceOf(Date);
    expect(nextBefore).toBeNull();
  });

  it('filters by status and pages by id', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    for (let index = 1; index <= 5; index++) queue(index);
    getDb().update(outbox).set({ status: 'sent' }).where(eq(outbox.dedupeKey, 'test:3')).run();
    expect(listOutbox({ actor: admin, status: 'sent' }).messages.map((message) => message.subject)).toEqual(['Message 3']);

    const first = listOutbox({ actor: admin, limit: 2 });
    expect(first.messages.map((message) => message.subject)).toEqual(['Message 5', 'Message 4']);
    const second = listOutbox({ actor: admin, limit: 2, before: first.nextBefore });
    expect(second.messages.map((message) => message.subject)).toEqual(['Message 3', 'Message 2']);
    const third = listOutbox({ actor: admin, limit: 2, before: second.nextBefore });
    expect(third.messages.map((message) => message.subject)).toEqual(['Message 1']);
    expect(third.nextBefore).toBeNull();
  });

  it('shows set-password emails to editors and admins with the link itself hidden', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const editor = await createTestStaff({ role: 'editor' });
    await inviteStaff({ actor: admin, input: { name: 'New Admin', email: 'new-admin@example.org', role: 'admin' } });
    queue(1);
    for (const viewer of [editor, admin]) {
      const messages = listOutbox({ actor: viewer }).messages;
      expect(messages.map((message) => [message.kind, message.subject])).toEqual([
        ['staff.note', 'Message 1'],
        ['staff.invite', 'You are invited to the Masthead desk'],
      ]);
      expect(messages[1]!.text).toContain('[set-password link hidden]');
      expect(messages[1]!.text).not.toContain('/login/set-password?token=');
    }
  });

  it('is closed to authors', async () => {
    const author = await createTestStaff({ role: 'author' });
    expect(() => listOutbox({ actor: author })).toThrow(ForbiddenError);
  });
});

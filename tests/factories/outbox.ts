import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outbox, type OutboxMessage } from '@/db/schema';

/** Every message queued for an address, newest first. */
export function mailTo(address: string): OutboxMessage[] {
  return getDb().select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(desc(outbox.id)).all();
}

/** The token in the newest set-password link mailed to an address, as the recipient would click it. */
export function latestSetPasswordToken(address: string): string {
  const message = mailTo(address)[0];
  const match = message?.text.match(/\/login\/set-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`No set-password link was mailed to ${address}`);
  return match[1]!;
}

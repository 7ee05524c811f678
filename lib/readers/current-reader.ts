import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscribers } from '@/db/schema';
import { readerAuth } from './reader-auth';

export type ReaderIdentity = { id: number; email: string };

/** The signed-in reader, re-read from the database on every call: a deleted subscription ends the session. */
export async function getCurrentReader(): Promise<ReaderIdentity | null> {
  const session = await readerAuth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const subscriber = getDb().select({ id: subscribers.id, email: subscribers.email }).from(subscribers).where(eq(subscribers.id, id)).get();
  return subscriber ?? null;
}

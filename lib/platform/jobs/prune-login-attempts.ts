import 'server-only';
import { lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const LOGIN_ATTEMPT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Sign-in attempts matter for fifteen minutes; keep a week for abuse review, then drop them. */
export function pruneLoginAttempts({ now = Date.now() }: { now?: number } = {}): number {
  return getDb().delete(loginAttempts).where(lt(loginAttempts.attemptedAt, now - LOGIN_ATTEMPT_RETENTION_MS)).run().changes;
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type User } from '@/db/schema';

/** Ends every session of a staff account signed in until now (sign-out; also usable after a password change). */
export function endSessionsOf(userId: number, now = Date.now()): void {
  getDb().update(users).set({ sessionsValidAfter: now }).where(eq(users.id, userId)).run();
}

/** Whether a session signed in at `signedInAt` still counts for this account. */
export function isSessionCurrent({ user, signedInAt }: { user: Pick<User, 'isActive' | 'sessionsValidAfter'>; signedInAt: number }): boolean {
  return user.isActive && signedInAt > user.sessionsValidAfter;
}

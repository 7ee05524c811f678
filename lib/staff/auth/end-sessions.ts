import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { endedStaffSessions, users, type User } from '@/db/schema';

/** Ends every session of a staff account signed in until now (a new password; disabling does it too). */
export function endSessionsOf(userId: number, now = Date.now()): void {
  getDb().update(users).set({ sessionsValidAfter: now }).where(eq(users.id, userId)).run();
}

/**
 * Ends one session (signing out): it and any copy of its cookie stop working, while the account's
 * sessions on other devices go on. Ended sessions past their own expiry are forgotten on the way.
 */
export function endSession({ userId, sessionId, expiresAt }: { userId: number; sessionId: string; expiresAt: number }, now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(endedStaffSessions).where(lt(endedStaffSessions.expiresAt, new Date(now))).run();
    tx.insert(endedStaffSessions)
      .values({ sessionId, userId, expiresAt: new Date(Math.max(expiresAt, now)) })
      .onConflictDoNothing()
      .run();
  });
}

/** Whether a session signed in at `signedInAt` (with id `sessionId`, when it has one) still counts for this account. */
export function isSessionCurrent({ user, signedInAt, sessionId }: { user: Pick<User, 'isActive' | 'sessionsValidAfter'>; signedInAt: number; sessionId?: string }): boolean {
  if (!user.isActive || signedInAt <= user.sessionsValidAfter) return false;
  if (!sessionId) return true;
  return !getDb().select({ sessionId: endedStaffSessions.sessionId }).from(endedStaffSessions).where(eq(endedStaffSessions.sessionId, sessionId)).get();
}

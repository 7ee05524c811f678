import 'server-only';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export type LoginGate = { isAllowed: true } | { isAllowed: false; retryAt: Date };

/**
 * Five failures for one email, or thirty from one address, within fifteen minutes lock further
 * attempts for fifteen minutes from the failure that tripped the limit. Refused attempts do not
 * extend the lock; a success clears the email's count.
 */
export function checkLoginGate({ email, ip, now = Date.now() }: { email: string; ip: string; now?: number }): LoginGate {
  const byEmail = lockedUntil({ failures: recentFailures({ column: 'email', value: email, now }), limit: MAX_FAILURES_PER_EMAIL, now });
  const byIp = lockedUntil({ failures: recentFailures({ column: 'ip', value: ip, now }), limit: MAX_FAILURES_PER_IP, now });
  const until = Math.max(byEmail ?? 0, byIp ?? 0);
  return until > now ? { isAllowed: false, retryAt: new Date(until) } : { isAllowed: true };
}

export function recordLoginAttempt({
  email,
  ip,
  outcome,
  now = Date.now(),
}: {
  email: string;
  ip: string;
  outcome: 'success' | 'failure' | 'refused';
  now?: number;
}): void {
  getDb().insert(loginAttempts).values({ email, ip, outcome, attemptedAt: now }).run();
}

/** Failure times (oldest first) that can still matter: within two windows, after the last success. */
function recentFailures({ column, value, now }: { column: 'email' | 'ip'; value: string; now: number }): number[] {
  const db = getDb();
  const field = column === 'email' ? loginAttempts.email : loginAttempts.ip;
  const since = now - 2 * LOGIN_WINDOW_MS;
  const rows = db
    .select({ outcome: loginAttempts.outcome, attemptedAt: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(field, value), gt(loginAttempts.attemptedAt, since), inArray(loginAttempts.outcome, ['success', 'failure'])))
    .orderBy(desc(loginAttempts.attemptedAt))
    .all();
  const failures: number[] = [];
  for (const row of rows) {
    if (row.outcome === 'success' && column === 'email') break;
    if (row.outcome === 'failure') failures.push(row.attemptedAt);
  }
  return failures.reverse();
}

function lockedUntil({ failures, limit, now }: { failures: number[]; limit: number; now: number }): number | null {
  let until: number | null = null;
  for (let index = limit - 1; index < failures.length; index++) {
    const trip = failures[index]!;
    const first = failures[index - limit + 1]!;
    if (trip - first <= LOGIN_WINDOW_MS && trip + LOGIN_WINDOW_MS > now) until = trip + LOGIN_WINDOW_MS;
  }
  return until;
}

import 'server-only';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures one address and connection may make before each further one is answered with a wait. */
export const FREE_FAILURES_PER_PAIR = 5;
export const FIRST_PAIR_WAIT_MS = 60 * 1000;
export const LONGEST_PAIR_WAIT_MS = 60 * 60 * 1000;
/** How far back a pair's failures count, when no success came after them. */
export const PAIR_MEMORY_MS = 24 * 60 * 60 * 1000;
export const MAX_FAILURES_PER_IP = 30;

export type LoginGate = { isAllowed: true } | { isAllowed: false; retryAt: Date };

/**
 * Failures slow down the one email address and connection (IP) that made them, never the account
 * elsewhere: after five, each further failure waits twice as long as the last (one minute, two,
 * four… up to an hour), and a success clears the pair. Against spraying many addresses, thirty
 * failures from one IP within fifteen minutes pause that IP for fifteen minutes. Refused attempts
 * do not count.
 */
export function checkLoginGate({ email, ip, now = Date.now() }: { email: string; ip: string; now?: number }): LoginGate {
  const byPair = pairWaitUntil(pairFailures({ email, ip, now }));
  const byIp = ipLockedUntil({ failures: ipFailures({ ip, now }), now });
  const until = Math.max(byPair ?? 0, byIp ?? 0);
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

/** This pair's failure times since its last success (oldest first). */
function pairFailures({ email, ip, now }: { email: string; ip: string; now: number }): number[] {
  const rows = getDb()
    .select({ outcome: loginAttempts.outcome, attemptedAt: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), gt(loginAttempts.attemptedAt, now - PAIR_MEMORY_MS), inArray(loginAttempts.outcome, ['success', 'failure'])))
    .orderBy(desc(loginAttempts.attemptedAt))
    .all();
  const failures: number[] = [];
  for (const row of rows) {
    if (row.outcome === 'success') break;
    failures.push(row.attemptedAt);
  }
  return failures.reverse();
}

function pairWaitUntil(failures: number[]): number | null {
  const extra = failures.length - FREE_FAILURES_PER_PAIR;
  if (extra < 0) return null;
  const wait = Math.min(FIRST_PAIR_WAIT_MS * 2 ** extra, LONGEST_PAIR_WAIT_MS);
  return failures[failures.length - 1]! + wait;
}

/** Failure times from one IP, whatever the address, within two windows (oldest first). */
function ipFailures({ ip, now }: { ip: string; now: number }): number[] {
  return getDb()
    .select({ attemptedAt: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.attemptedAt, now - 2 * LOGIN_WINDOW_MS), eq(loginAttempts.outcome, 'failure')))
    .orderBy(loginAttempts.attemptedAt)
    .all()
    .map((row) => row.attemptedAt);
}

function ipLockedUntil({ failures, now }: { failures: number[]; now: number }): number | null {
  let until: number | null = null;
  for (let index = MAX_FAILURES_PER_IP - 1; index < failures.length; index++) {
    const trip = failures[index]!;
    const first = failures[index - MAX_FAILURES_PER_IP + 1]!;
    if (trip - first <= LOGIN_WINDOW_MS && trip + LOGIN_WINDOW_MS > now) until = trip + LOGIN_WINDOW_MS;
  }
  return until;
}

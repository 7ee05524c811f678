import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { normalizeEmail } from '@/lib/staff/auth/authenticate-staff';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { hitRateLimits, type RateLimit } from '@/lib/readers/hit-rate-limit';
import { issueSetPasswordLink } from './issue-set-password-link';

const HOUR_MS = 60 * 60 * 1000;
export const PASSWORD_RESET_LIMITS = {
  byIp: { bucket: 'password-reset:ip', limit: 10, windowMs: HOUR_MS },
  byAddress: { bucket: 'password-reset:address', limit: 3, windowMs: HOUR_MS },
} satisfies Record<string, RateLimit>;

/** What the person asking is told: the same words whether or not the address has an account. */
export const PASSWORD_RESET_ANSWER = 'If that address belongs to an active staff account, a link to set a new password is on its way. It works for 1 hour.';

export type PasswordResetResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * "Forgot your password?": sends a set-password link to an active staff account. The answer, and what
 * it costs, are the same for known and unknown addresses, so nobody can learn who works here; the
 * limits count per IP and per address, whoever owns it.
 */
export function requestPasswordReset({ input, ip, now = new Date() }: { input: unknown; ip: string; now?: Date }): PasswordResetResult {
  const parsed = z.object({ email: z.string().trim().max(320).pipe(z.email()) }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Enter the email address you sign in with.' };
  const email = normalizeEmail(parsed.data.email);
  const isAllowed = hitRateLimits({
    hits: [
      { limit: PASSWORD_RESET_LIMITS.byIp, key: ip },
      { limit: PASSWORD_RESET_LIMITS.byAddress, key: email },
    ],
    now: now.getTime(),
  });
  if (!isAllowed) return { ok: false, error: 'Too many requests for a new password from here or for this address; try again in an hour.' };
  getDb().transaction((tx) => {
    const user = tx.select().from(users).where(and(eq(users.email, email), eq(users.isActive, true))).get();
    if (!user) return;
    issueSetPasswordLink(tx, { user, actor: { id: user.id, name: 'Someone (we hope you)' }, purpose: 'reset', now });
    recordAudit(tx, { actorId: null, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id, note: `From ${ip}` });
  });
  return { ok: true, message: PASSWORD_RESET_ANSWER };
}

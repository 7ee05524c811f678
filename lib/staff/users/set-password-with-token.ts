import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { passwordTokens, users } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { hashPassword } from '@/lib/staff/auth/password';
import { staffUserSchema } from './create-staff-user';
import { expireOpenPasswordLinks } from './expire-open-password-links';
import { hashPasswordToken } from './hash-password-token';
import { isPasswordLinkOpen } from './is-password-link-open';
import type { UserWriteResult } from './user-write-result';

/** One answer for an unknown, used, replaced or expired link, so the page reveals nothing about which. */
export const INVALID_LINK_MESSAGE =
  'This link does not work any more: it may have expired, been used already or been replaced by a newer one. Ask an administrator to send you a new link.';

const setPasswordSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/),
  password: staffUserSchema.shape.password,
});

/**
 * Sets the password of the account a set-password link belongs to and uses the link up; every
 * other open link of that account stops working too. Anyone holding the link may call this.
 */
export async function setPasswordWithToken(input: { token: unknown; password: unknown }): Promise<UserWriteResult> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const passwordIssue = parsed.error.issues.find((issue) => issue.path[0] === 'password');
    if (passwordIssue && parsed.error.issues.every((issue) => issue.path[0] !== 'token')) {
      return { ok: false, error: passwordIssue.message, fieldErrors: { password: passwordIssue.message } };
    }
    return { ok: false, error: INVALID_LINK_MESSAGE };
  }
  // argon2 is the costly part: a link that cannot be used is refused before paying for it.
  if (!isPasswordLinkOpen(parsed.data.token)) return { ok: false, error: INVALID_LINK_MESSAGE };
  const passwordHash = await hashPassword(parsed.data.password);
  const tokenHash = hashPasswordToken(parsed.data.token);
  return getDb().transaction((tx): UserWriteResult => {
    const now = new Date();
    const link = tx
      .select({ id: passwordTokens.id, userId: passwordTokens.userId })
      .from(passwordTokens)
      .innerJoin(users, eq(users.id, passwordTokens.userId))
      .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now), eq(users.isActive, true)))
      .get();
    if (!link) return { ok: false, error: INVALID_LINK_MESSAGE };
    tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, link.id)).run();
    expireOpenPasswordLinks(tx, { userId: link.userId, now });
    // A new password ends every session signed in with the old one.
    tx.update(users).set({ passwordHash, updatedAt: now, sessionsValidAfter: now.getTime() }).where(eq(users.id, link.userId)).run();
    recordAudit(tx, { actorId: link.userId, action: 'user.set-password', subjectType: 'user', subjectId: link.userId, note: 'Set a password with a link' });
    return { ok: true };
  });
}

import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { passwordTokens } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { expireOpenPasswordLinks } from './expire-open-password-links';
import { hashPasswordToken } from './hash-password-token';

/** An invitation's link: the newcomer may not read their mail the same day. */
export const SET_PASSWORD_LINK_HOURS = 72;
/** A reset link unlocks a working account, so it lives only as long as the person is likely at the screen. */
export const PASSWORD_RESET_LINK_HOURS = 1;

export type SetPasswordPurpose = 'invite' | 'reset';

/**
 * Makes a new set-password link for a staff member, ends every earlier one that is still open, and
 * queues the email that carries it; all in the caller's transaction. The token itself is only in
 * the email: the database keeps its SHA-256.
 */
export function issueSetPasswordLink(
  tx: Pick<Db, 'insert' | 'update'>,
  {
    user,
    actor,
    purpose,
    now = new Date(),
  }: {
    user: { id: number; email: string; name: string };
    actor: { id: number; name: string };
    purpose: SetPasswordPurpose;
    now?: Date;
  },
): { expiresAt: Date } {
  expireOpenPasswordLinks(tx, { userId: user.id, now });
  const token = randomBytes(32).toString('base64url');
  const isInvite = purpose === 'invite';
  const hours = isInvite ? SET_PASSWORD_LINK_HOURS : PASSWORD_RESET_LINK_HOURS;
  const expiresAt = new Date(now.getTime() + hours * 60 * 60 * 1000);
  const row = tx
    .insert(passwordTokens)
    .values({ userId: user.id, tokenHash: hashPasswordToken(token), expiresAt, createdBy: actor.id, createdAt: now })
    .returning({ id: passwordTokens.id })
    .get();
  const { siteUrl } = getConfig();
  const link = `${siteUrl}/login/set-password?token=${token}`;
  enqueueMail(
    {
      dedupeKey: `${isInvite ? 'invite' : 'password-reset'}:${user.id}:${row.id}`,
      kind: isInvite ? 'staff.invite' : 'staff.password-reset',
      to: user.email,
      subject: isInvite ? 'You are invited to the Masthead desk' : 'Set a new password for the Masthead desk',
      text: [
        `Hello ${user.name},`,
        '',
        isInvite
          ? `${actor.name} has invited you to the Masthead desk. Choose your password here to start:`
          : `${actor.name} has sent you a link to set a new password for the Masthead desk:`,
        '',
        link,
        '',
        `The link works once, for ${hours === 1 ? '1 hour' : `${hours} hours`}. If it has expired, ${isInvite ? 'ask an administrator for a new one' : 'ask for a new one at the sign-in page'}.`,
        isInvite ? '' : 'Until you use it, your current password keeps working. If you did not expect this, tell an administrator.',
        `Then sign in at ${siteUrl}/login with this email address.`,
        '',
      ].join('\n'),
    },
    tx,
  );
  return { expiresAt };
}


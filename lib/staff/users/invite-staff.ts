import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors, users, type StaffRole } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { normalizeEmail, type StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { hashPassword } from '@/lib/staff/auth/password';
import { assertCan } from '@/lib/staff/auth/policy';
import { fieldErrorsFrom } from './field-errors-from';
import { findPendingInvites } from './find-pending-invites';
import { issueSetPasswordLink } from './issue-set-password-link';
import { staffInviteSchema } from './staff-invite-schema';
import { uniqueContributorSlug } from './unique-contributor-slug';
import type { UserWriteResult } from './user-write-result';

export type InviteStaffResult = UserWriteResult<{ userId: number; isReinvite: boolean; expiresAt: Date }>;

/**
 * Invites someone to the desk: an account with a byline and a password nobody knows, and an email
 * with a set-password link. Inviting a pending invitee again sends a new link (the old one stops
 * working) and takes the name and role as now typed. Admins only.
 */
export async function inviteStaff({ actor, input }: { actor: StaffIdentity; input: unknown }): Promise<InviteStaffResult> {
  assertCan({ role: actor.role, action: 'user.manage' });
  const parsed = staffInviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsFrom(parsed.error.issues) };
  const { name } = parsed.data;
  const role: StaffRole = parsed.data.role;
  const email = normalizeEmail(parsed.data.email);
  // Nobody ever sees this secret: until the link is used, no password opens the account.
  const unusablePasswordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return getDb().transaction((tx): InviteStaffResult => {
    const existing = tx.select().from(users).where(eq(users.email, email)).get();
    if (existing) {
      const isPending = existing.isActive && findPendingInvites(tx, { userIds: [existing.id] }).has(existing.id);
      if (!isPending) {
        const error = existing.isActive
          ? 'Someone on the staff already signs in with that email address.'
          : 'That email address belongs to a disabled account; enable it in the staff list instead.';
        return { ok: false, error, fieldErrors: { email: error } };
      }
      tx.update(users).set({ name, role, updatedAt: new Date() }).where(eq(users.id, existing.id)).run();
      tx.update(contributors).set({ name }).where(eq(contributors.userId, existing.id)).run();
      const { expiresAt } = issueSetPasswordLink(tx, { user: { id: existing.id, email, name }, actor, purpose: 'invite' });
      recordAudit(tx, {
        actorId: actor.id,
        action: 'user.invite',
        subjectType: 'user',
        subjectId: existing.id,
        note: `Sent ${name} a new invitation`,
        data: { role, isReinvite: true },
      });
      return { ok: true, userId: existing.id, isReinvite: true, expiresAt };
    }
    const user = tx.insert(users).values({ name, email, role, passwordHash: unusablePasswordHash }).returning({ id: users.id }).get();
    tx.insert(contributors).values({ name, slug: uniqueContributorSlug(tx, { name }), userId: user.id }).run();
    const { expiresAt } = issueSetPasswordLink(tx, { user: { id: user.id, email, name }, actor, purpose: 'invite' });
    recordAudit(tx, { actorId: actor.id, action: 'user.invite', subjectType: 'user', subjectId: user.id, note: `Invited ${name}`, data: { role } });
    return { ok: true, userId: user.id, isReinvite: false, expiresAt };
  });
}

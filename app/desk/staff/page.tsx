import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { STAFF_ROLES } from '@/lib/staff/users/staff-roles';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';
import { canManageContributors } from '@/lib/staff/users/can-manage-contributors';
import type { PendingInvite } from '@/lib/staff/users/find-pending-invites';
import { listGuestContributors } from '@/lib/staff/users/list-guest-contributors';
import { listStaff } from '@/lib/staff/users/list-staff';
import { DeskTable } from '@/components/desk/desk-table';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { createContributorAction } from './actions';
import { ContributorForm } from './contributor-form.client';
import { InviteStaffForm } from './invite-staff-form.client';
import { StaffMemberControls } from './staff-member-controls.client';
import './staff.css';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'Staff', robots: { index: false } };

/** Admins manage accounts here; editors (and admins) manage guest contributors' bylines. */
export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/staff' });
  const canManageUsers = can({ role: staff.role, action: 'user.manage' });
  const canManageGuests = canManageContributors(staff.role);
  if (!canManageUsers && !canManageGuests) {
    return (
      <DeskShell staff={staff}>
        <h1>Staff</h1>
        <p>You are not allowed to manage staff or contributors. Add a guest from the byline in the editor; an editor reviews them here. Ask an administrator about accounts.</p>
      </DeskShell>
    );
  }
  const { timeZone } = getSiteSettings();
  const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const members = canManageUsers ? listStaff({ actor: staff }) : [];
  const guests = listGuestContributors({ actor: staff });
  return (
    <DeskShell staff={staff} isWide>
      <h1>{canManageUsers ? 'Staff' : 'Guest contributors'}</h1>
      {canManageUsers ? (
        <>
          <section aria-labelledby="staff-heading">
            <h2 id="staff-heading" className="visually-hidden">
              Staff accounts
            </h2>
            <p className="meta">
              A role change applies from the member’s next page; disabling signs them out at once. Times are in {timeZone}.
            </p>
            <DeskTable columns={['Name', 'Email', 'Role', 'Status', 'Changes']}>
              {members.map((member) => (
                <tr key={member.id} className={member.isActive ? undefined : 'staff-disabled'}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    <Badge kind="role">{member.role}</Badge>
                  </td>
                  <td>{describeStatus({ isActive: member.isActive, invite: member.invite, format: (date) => stamp.format(date) })}</td>
                  <td>
                    <StaffMemberControls
                      userId={member.id}
                      name={member.name}
                      role={member.role}
                      isActive={member.isActive}
                      isSelf={member.isSelf}
                      isPending={member.invite !== null}
                      roles={STAFF_ROLES}
                    />
                  </td>
                </tr>
              ))}
            </DeskTable>
          </section>
          <section aria-labelledby="invite-heading" className="staff-section">
            <h2 id="invite-heading">Invite someone</h2>
            <p className="hint">They get an email with a link to choose their password. Their byline is made from the name.</p>
            <InviteStaffForm roles={STAFF_ROLES} />
          </section>
        </>
      ) : null}
      <section aria-labelledby="guests-heading" className={canManageUsers ? 'staff-section' : undefined}>
        {canManageUsers ? <h2 id="guests-heading">Guest contributors</h2> : <h2 id="guests-heading" className="visually-hidden">Guest contributors</h2>}
        <p className="hint">Bylines for writers outside the staff. They have no account and never sign in. Guests an author added from a byline wait for review here.</p>
        <EntityActionMessage result={doneMessage(await searchParams)} />
        {guests.length === 0 ? (
          <EmptyState>No guest contributors yet.</EmptyState>
        ) : (
          <DeskTable columns={['Name', 'Slug', 'Affiliation', 'Added', 'Articles']} hasActions>
            {guests.map((guest) => (
              <tr key={guest.id} data-testid={`guest-${guest.id}`}>
                <td>
                  {guest.name} {guest.isPending ? <span className="role-badge review-badge">Awaiting review</span> : null}
                </td>
                <td>{guest.slug}</td>
                <td>{guest.affiliation}</td>
                <td>{guest.addedByName ? `${guest.addedByName}, ${stamp.format(guest.addedAt)}` : stamp.format(guest.addedAt)}</td>
                <td>{guest.articleCount}</td>
                <td>
                  <Link href={`/desk/staff/contributors/${guest.id}`} aria-label={`${guest.isPending ? 'Review' : 'Edit'} ${guest.name}`}>
                    {guest.isPending ? 'Review' : 'Edit'}
                  </Link>
                </td>
              </tr>
            ))}
          </DeskTable>
        )}
        <h3>Add a guest contributor</h3>
        <ContributorForm action={createContributorAction} initial={{ name: '', slug: '', affiliation: '', bio: '' }} submitLabel="Add contributor" />
      </section>
    </DeskShell>
  );
}

/** What the last approval, merge or deletion did, carried over its redirect. */
function doneMessage(params: Record<string, string | string[] | undefined>): { ok: true; message: string } | null {
  const approved = typeof params.approved === 'string' ? params.approved : null;
  if (approved) return { ok: true, message: `Approved ${approved}; their author page is public once an article with their byline is.` };
  const merged = typeof params.merged === 'string' ? params.merged : null;
  const deleted = typeof params.deleted === 'string' ? params.deleted : null;
  if (merged) return { ok: true, message: `Merged into ${merged}; their bylines moved over.` };
  if (deleted) return { ok: true, message: `Deleted ${deleted}.` };
  return null;
}

function describeStatus({ isActive, invite, format }: { isActive: boolean; invite: PendingInvite | null; format: (date: Date) => string }): string {
  if (!isActive) return 'Disabled';
  if (!invite) return 'Active';
  return invite.isExpired ? `Invitation expired ${format(invite.expiresAt)}` : `Invited; the link works until ${format(invite.expiresAt)}`;
}

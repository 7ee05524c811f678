'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import type { StaffRole } from '@/lib/staff/users/staff-roles';
import { Select } from '@/components/ui/select';
import { staffMemberAction, type StaffFormState } from './actions';
import { Button } from '@/components/ui/button';

/** The changes an admin can make to one staff member: role, disable or enable, a new set-password link. */
export function StaffMemberControls({
  userId,
  name,
  role,
  isActive,
  isSelf,
  isPending: isInvitePending,
  roles,
}: {
  userId: number;
  name: string;
  role: StaffRole;
  isActive: boolean;
  isSelf: boolean;
  isPending: boolean;
  roles: readonly StaffRole[];
}) {
  const [state, formAction, isWorking] = useActionState<StaffFormState, FormData>(staffMemberAction, null);
  if (isSelf) return <span className="meta">This is you; another admin can change your account.</span>;
  return (
    <form action={formAction} className="staff-controls" aria-label={`Change ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <span className="staff-control-group">
        <label>
          <span className="visually-hidden">Role for {name}</span>
          <Select name="role" defaultValue={role} key={role} options={roles.map((option) => ({ value: option, label: option }))} />
        </label>
        <Button type="submit" name="intent" value="role" disabled={isWorking}>
          Change role
        </Button>
      </span>
      <span className="staff-control-group">
        {isActive ? (
          <Button type="submit" name="intent" value="disable" disabled={isWorking} aria-label={`Disable ${name}`}>
            Disable
          </Button>
        ) : (
          <Button type="submit" name="intent" value="enable" disabled={isWorking} aria-label={`Enable ${name}`}>
            Enable
          </Button>
        )}
        {isActive ? (
          <Button type="submit" name="intent" value="link" disabled={isWorking} aria-label={`${isInvitePending ? 'Resend the invitation to' : 'Send a set-password link to'} ${name}`}>
            {isInvitePending ? 'Resend invitation' : 'Send password link'}
          </Button>
        ) : null}
      </span>
      <EntityActionMessage result={state} />
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import type { StaffRole } from '@/lib/staff/users/staff-roles';
import { inviteStaffAction, type StaffFormState } from './actions';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';

/** Invites someone by email; after a success the form is empty again for the next one. */
export function InviteStaffForm({ roles }: { roles: readonly StaffRole[] }) {
  const [state, formAction, isPending] = useActionState<StaffFormState, FormData>(inviteStaffAction, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  // A new key after each answer remounts the inputs, so they show what the answer says they hold.
  const formKey = state ? JSON.stringify(state) : 'empty';
  return (
    <form action={formAction} className="stack narrow" noValidate aria-labelledby="invite-heading">
      <EntityActionMessage result={state} />
      <div key={formKey} className="stack">
        <FormField label="Name" name="invite-name" error={fieldErrors.name}>
          {(described) => <input id="invite-name" name="name" defaultValue={values.name} autoComplete="off" required maxLength={120} {...described} />}
        </FormField>
        <FormField label="Email" name="invite-email" error={fieldErrors.email}>
          {(described) => <input id="invite-email" name="email" type="email" defaultValue={values.email} autoComplete="off" required maxLength={320} {...described} />}
        </FormField>
        <FormField label="Role" name="invite-role" error={fieldErrors.role} hint="Authors write their own pieces; editors review and publish; admins also manage staff and settings.">
          {(described) => (
            <Select id="invite-role" name="role" defaultValue={values.role ?? 'author'} options={roles.map((role) => ({ value: role, label: role }))} {...described} />
          )}
        </FormField>
      </div>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Sending…' : 'Send invitation'}
        </button>
      </div>
    </form>
  );
}

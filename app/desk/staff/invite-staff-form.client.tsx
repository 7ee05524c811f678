'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import type { StaffRole } from '@/lib/staff/users/staff-roles';
import { inviteStaffAction, type StaffFormState } from './actions';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
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
        <Field id="invite-name" label="Name" error={fieldErrors.name}>
          {(described) => <input name="name" defaultValue={values.name} autoComplete="off" required maxLength={120} {...described} />}
        </Field>
        <Field id="invite-email" label="Email" error={fieldErrors.email}>
          {(described) => <input name="email" type="email" defaultValue={values.email} autoComplete="off" required maxLength={320} {...described} />}
        </Field>
        <Field id="invite-role" label="Role" error={fieldErrors.role} hint="Authors write their own pieces; editors review and publish; admins also manage staff and settings.">
          {(described) => (
            <Select name="role" defaultValue={values.role ?? 'author'} options={roles.map((role) => ({ value: role, label: role }))} {...described} />
          )}
        </Field>
      </div>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Sending…">
          Send invitation
        </Button>
      </div>
    </form>
  );
}

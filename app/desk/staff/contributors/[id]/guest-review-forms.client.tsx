'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Field } from '@/components/ui/field';
import type { StaffFormState } from '../../actions';

type Action = (state: StaffFormState, formData: FormData) => Promise<StaffFormState>;

/** Approves a guest, with the chance to correct what the author typed. */
export function ApproveGuestForm({ action, contributorId, initial }: { action: Action; contributorId: number; initial: { name: string; affiliation: string; slug: string } }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok && state.values ? state.values : initial;
  return (
    <form action={formAction} className="stack narrow" noValidate aria-labelledby="approve-heading">
      <h2 id="approve-heading">Approve</h2>
      <p className="hint">Check the spelling and the affiliation; approving gives them a public author page.</p>
      <EntityActionMessage result={state} />
      <input type="hidden" name="contributorId" value={contributorId} />
      <div key={JSON.stringify(state)} className="stack">
        <Field id="approve-name" label="Name" error={fieldErrors.name}>
          {(described) => <input name="name" defaultValue={values.name} required maxLength={120} {...described} />}
        </Field>
        <Field id="approve-affiliation" label="Affiliation" error={fieldErrors.affiliation}>
          {(described) => <input name="affiliation" defaultValue={values.affiliation} maxLength={160} {...described} />}
        </Field>
        <Field id="approve-slug" label="Slug" error={fieldErrors.slug} hint="Their author page: /authors/<slug>.">
          {(described) => <input name="slug" defaultValue={values.slug} maxLength={80} {...described} />}
        </Field>
      </div>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Approving…' : 'Approve'}
        </button>
      </div>
    </form>
  );
}

/** Folds the guest into a contributor who already exists. */
export function MergeGuestForm({ action, contributorId, name, targets }: { action: Action; contributorId: number; name: string; targets: { id: number; name: string; isStaff: boolean }[] }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="stack narrow" noValidate aria-labelledby="merge-heading">
      <h2 id="merge-heading">Merge into another contributor</h2>
      <p className="hint">When {name} is someone already on the list: their bylines move over and {name} is removed.</p>
      <EntityActionMessage result={state} />
      <input type="hidden" name="contributorId" value={contributorId} />
      <Field id="merge-target" label="Merge into" error={fieldErrors.targetId}>
        {(described) => (
          <select name="targetId" defaultValue="" required {...described}>
            <option value="">Choose…</option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
                {target.isStaff ? '' : ' (guest)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Merging…' : 'Merge'}
        </button>
      </div>
    </form>
  );
}

/** Removes a guest no article names. */
export function DeleteGuestForm({ action, contributorId, name }: { action: Action; contributorId: number; name: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="stack narrow" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      <p className="hint">Only while no article, draft or published, names {name}.</p>
      <EntityActionMessage result={state} />
      <input type="hidden" name="contributorId" value={contributorId} />
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Deleting…' : `Delete ${name}`}
        </button>
      </div>
    </form>
  );
}

'use client';

import { ConfirmRemoveButton } from '@/components/desk/confirm-remove-button';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { cancelMembershipAction, extendMembershipAction, grantMembershipAction } from './actions';
import { useFormAnswer } from './use-form-answer.client';

export function GrantMembershipForm({ tiers }: { tiers: { id: number; name: string }[] }) {
  const { shown, formAction, isPending, errors, values, state } = useFormAnswer(grantMembershipAction);
  const typed = values ?? {};
  return (
    <form action={formAction} className="stack narrow" aria-label="Grant a membership" key={state?.ok ? state.message : 'form'}>
      <EntityActionMessage result={shown} />
      <Field id="grant-email" label="Reader’s email" hint="A reader account is made for an address we do not hold yet; it is sent no mail." error={errors.email}>
        {(control) => <input type="email" name="email" required defaultValue={typed.email ?? ''} {...control} />}
      </Field>
      <Field id="grant-name" label="Name (optional)" error={errors.name}>
        {(control) => <input name="name" defaultValue={typed.name ?? ''} {...control} />}
      </Field>
      <Field id="grant-tier" label="Tier" error={errors.tierId}>
        {(control) => (
          <select name="tierId" required defaultValue={typed.tierId ?? String(tiers[0]?.id ?? '')} {...control}>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="grant-ends" label="Last day" hint="Access lasts to the end of this day." error={errors.endsOn}>
        {(control) => <input type="date" name="endsOn" required defaultValue={typed.endsOn ?? ''} {...control} />}
      </Field>
      <Field id="grant-note" label="Note (optional)" hint="Why, for the record: a contributor, a partner, a prize." error={errors.note}>
        {(control) => <input name="note" defaultValue={typed.note ?? ''} {...control} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Granting…">
          Grant membership
        </Button>
      </div>
    </form>
  );
}

export function ExtendMembershipForm({ id, email }: { id: number; email: string }) {
  const { shown, formAction, isPending, errors } = useFormAnswer(extendMembershipAction);
  return (
    <form action={formAction} aria-label={`Extend the membership of ${email}`} className="filter-bar">
      <input type="hidden" name="membershipId" value={id} />
      <Field id={`extend-${id}`} label="New last day" error={errors.endsOn}>
        {(control) => <input type="date" name="endsOn" required {...control} />}
      </Field>
      <Button type="submit" variant="secondary" size="small" isBusy={isPending} busyLabel="Extending…">
        Extend
      </Button>
      <EntityActionMessage result={shown?.ok ? null : shown} />
    </form>
  );
}

export function CancelMembershipButton({ id, email }: { id: number; email: string }) {
  return (
    <ConfirmRemoveButton
      name={`Cancel the membership of ${email}`}
      title={`Cancel the membership of ${email}?`}
      confirmLabel="Cancel membership"
      onConfirm={async () => {
        const answer = await cancelMembershipAction({ membershipId: id });
        return answer.ok ? { ok: true, message: answer.message } : { ok: false, error: answer.error };
      }}
    >
      Their access ends at once. The membership stays in the list as canceled.
    </ConfirmRemoveButton>
  );
}

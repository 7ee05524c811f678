'use client';

import { ConfirmRemoveButton } from '@/components/desk/confirm-remove-button';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useFormAnswer } from '../use-form-answer.client';
import { createTierAction, deleteTierAction, setTierActiveAction, updateTierAction } from './actions';

/** A tier's fields as the form shows them: prices as text, benefits one a line. */
export type TierFormValues = { id?: number; name: string; slug: string; description: string; monthlyPrice: string; yearlyPrice: string; currency: string; benefits: string };

const EMPTY: TierFormValues = { name: '', slug: '', description: '', monthlyPrice: '', yearlyPrice: '', currency: 'USD', benefits: '' };

export function TierForm({ tier }: { tier?: TierFormValues }) {
  const { shown, formAction, isPending, errors, values, state } = useFormAnswer(tier ? updateTierAction : createTierAction);
  const current = { ...(tier ?? EMPTY), ...(values ?? {}) };
  const prefix = tier ? `tier-${tier.id}` : 'tier-new';
  return (
    <form action={formAction} className="stack narrow" aria-label={tier ? `Edit ${tier.name}` : 'New tier'} key={!tier && state?.ok ? state.message : 'form'}>
      <EntityActionMessage result={shown?.ok ? null : shown} />
      {tier ? <input type="hidden" name="tierId" value={tier.id} /> : null}
      <Field id={`${prefix}-name`} label="Name" error={errors.name}>
        {(control) => <input name="name" required defaultValue={current.name} {...control} />}
      </Field>
      <Field id={`${prefix}-slug`} label="Slug" hint="Left empty, it is made from the name." error={errors.slug}>
        {(control) => <input name="slug" defaultValue={current.slug} {...control} />}
      </Field>
      <Field id={`${prefix}-description`} label="Description" error={errors.description}>
        {(control) => <textarea name="description" rows={2} defaultValue={current.description} {...control} />}
      </Field>
      <Field id={`${prefix}-monthly`} label="Monthly price" hint="For display, e.g. 8 or 12.50; empty if not offered monthly." error={errors.monthlyPrice}>
        {(control) => <input name="monthlyPrice" inputMode="decimal" defaultValue={current.monthlyPrice} {...control} />}
      </Field>
      <Field id={`${prefix}-yearly`} label="Yearly price" hint="Empty if not offered yearly." error={errors.yearlyPrice}>
        {(control) => <input name="yearlyPrice" inputMode="decimal" defaultValue={current.yearlyPrice} {...control} />}
      </Field>
      <Field id={`${prefix}-currency`} label="Currency" hint="Three letters, e.g. USD, EUR, GBP." error={errors.currency}>
        {(control) => <input name="currency" required maxLength={3} defaultValue={current.currency} {...control} />}
      </Field>
      <Field id={`${prefix}-benefits`} label="Benefits" hint="One a line." error={errors.benefits}>
        {(control) => <textarea name="benefits" rows={4} defaultValue={current.benefits} {...control} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          {tier ? 'Save tier' : 'Add tier'}
        </Button>
      </div>
    </form>
  );
}

export function TierActiveForm({ id, name, isActive }: { id: number; name: string; isActive: boolean }) {
  const { shown, formAction, isPending } = useFormAnswer(setTierActiveAction);
  return (
    <form action={formAction} aria-label={`${isActive ? 'Deactivate' : 'Activate'} ${name}`}>
      <input type="hidden" name="tierId" value={id} />
      <input type="hidden" name="isActive" value={isActive ? 'false' : 'true'} />
      <Button type="submit" variant="quiet" isBusy={isPending} busyLabel="Saving…">
        {isActive ? 'Deactivate' : 'Activate'}
      </Button>
      <EntityActionMessage result={shown?.ok ? null : shown} />
    </form>
  );
}

export function DeleteTierButton({ id, name }: { id: number; name: string }) {
  return (
    <ConfirmRemoveButton name={`Delete the tier ${name}`} title={`Delete ${name}?`} confirmLabel="Delete tier" onConfirm={async () => {
      const answer = await deleteTierAction({ tierId: id });
      return answer.ok ? { ok: true, message: answer.message } : { ok: false, error: answer.error };
    }}>
      Only a tier no membership has ever used can be deleted.
    </ConfirmRemoveButton>
  );
}

'use client';

import { useState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { useFormAnswer } from '../use-form-answer.client';
import { createInstitutionAction, deleteInstitutionAction, updateInstitutionAction } from './actions';

/** An institution's fields as the form shows them: dates as `YYYY-MM-DD`, ranges and domains one a line. */
export type InstitutionFormValues = { id?: number; name: string; tierId: string; seats: string; startsOn: string; endsOn: string; contactEmail: string; ipRanges: string; domains: string; note: string };

export function InstitutionForm({ institution, tiers, today }: { institution?: InstitutionFormValues; tiers: { id: number; name: string }[]; today: string }) {
  const { shown, formAction, isPending, errors, values, state } = useFormAnswer(institution ? updateInstitutionAction : createInstitutionAction);
  const current = { ...(institution ?? { name: '', tierId: '', seats: '', startsOn: today, endsOn: '', contactEmail: '', ipRanges: '', domains: '', note: '' }), ...(values ?? {}) };
  return (
    <form action={formAction} className="stack narrow" aria-label={institution ? `Edit ${institution.name}` : 'New institution'} key={!institution && state?.ok ? state.message : 'form'}>
      <EntityActionMessage result={shown} />
      {institution ? <input type="hidden" name="institutionId" value={institution.id} /> : null}
      <Field id="institution-name" label="Name" error={errors.name}>
        {(control) => <input name="name" required defaultValue={current.name} {...control} />}
      </Field>
      <Field id="institution-tier" label="Access" hint="What its readers may read: one tier’s articles, or whatever any member may read." error={errors.tierId}>
        {(control) => (
          <select name="tierId" defaultValue={current.tierId} {...control}>
            <option value="">Any member’s access</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="institution-seats" label="Seats" hint="Readers signed in through an email domain at once; empty for no limit." error={errors.seats}>
        {(control) => <input name="seats" inputMode="numeric" defaultValue={current.seats} {...control} />}
      </Field>
      <Field id="institution-starts" label="First day" error={errors.startsOn}>
        {(control) => <input type="date" name="startsOn" required defaultValue={current.startsOn} {...control} />}
      </Field>
      <Field id="institution-ends" label="Last day" hint="Empty for no end." error={errors.endsOn}>
        {(control) => <input type="date" name="endsOn" defaultValue={current.endsOn} {...control} />}
      </Field>
      <Field id="institution-contact" label="Librarian’s email" hint="Who receives the usage report." error={errors.contactEmail}>
        {(control) => <input type="email" name="contactEmail" defaultValue={current.contactEmail} {...control} />}
      </Field>
      <Field id="institution-ranges" label="IP ranges" hint="One a line: 192.0.2.0/24, 2001:db8::/32, or a single address." error={errors.ipRanges}>
        {(control) => <textarea name="ipRanges" rows={4} defaultValue={current.ipRanges} {...control} />}
      </Field>
      <Field id="institution-domains" label="Email domains" hint="One a line, as it follows the @: library.example.edu." error={errors.domains}>
        {(control) => <textarea name="domains" rows={3} defaultValue={current.domains} {...control} />}
      </Field>
      <Field id="institution-note" label="Note (optional)" error={errors.note}>
        {(control) => <input name="note" defaultValue={current.note} {...control} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          {institution ? 'Save institution' : 'Add institution'}
        </Button>
      </div>
    </form>
  );
}

export function DeleteInstitutionButton({ id, name }: { id: number; name: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const { shown, formAction, isPending } = useFormAnswer(deleteInstitutionAction);
  return (
    <>
      <Button variant="danger" onClick={() => setIsOpen(true)}>
        Delete {name}
      </Button>
      <Dialog isOpen={isOpen} title={`Delete ${name}?`} role="alertdialog" describedBy="delete-institution-what" onClose={() => setIsOpen(false)}>
        <p id="delete-institution-what">Its readers lose this access at once; its ranges, domains and usage report go with it.</p>
        <form action={formAction} className="panel-actions">
          <input type="hidden" name="institutionId" value={id} />
          <EntityActionMessage result={shown?.ok ? null : shown} />
          <Button type="submit" variant="danger" isBusy={isPending} busyLabel="Deleting…">
            Delete institution
          </Button>
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            Keep it
          </Button>
        </form>
      </Dialog>
    </>
  );
}

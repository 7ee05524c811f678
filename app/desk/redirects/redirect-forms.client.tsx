'use client';

import { useActionState } from 'react';
import { ConfirmRemoveButton } from '@/components/desk/confirm-remove-button';
import { DeskTable } from '@/components/desk/desk-table';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToastOnSuccess } from '@/components/ui/toast';
import { addRedirectAction, importRedirectsAction, removeRedirectAction, type AddRedirectState, type RedirectImportState } from './actions';

export function AddRedirectForm() {
  const [state, formAction, isPending] = useActionState<AddRedirectState, FormData>(addRedirectAction, null);
  const shown = state?.ok ? { ok: true as const, message: state.message ?? 'Added.' } : state;
  useToastOnSuccess(shown);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok && 'values' in state ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="stack narrow" aria-label="Add a redirect" key={state?.ok ? state.message : 'form'}>
      <EntityActionMessage result={shown?.ok ? null : shown} />
      <Field id="redirect-from" label="Old address" hint="A path on this site, such as /2019/05/old-title/ or /?p=123, or a full address on this site." error={errors.from}>
        {(control) => <input name="from" required defaultValue={values.from ?? ''} {...control} />}
      </Field>
      <Field id="redirect-to" label="New address" hint="A path on this site, such as /articles/new-title, or a full https:// address elsewhere." error={errors.to}>
        {(control) => <input name="to" required defaultValue={values.to ?? ''} {...control} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Adding…">
          Add redirect
        </Button>
      </div>
    </form>
  );
}

export function ImportRedirectsForm() {
  const [state, formAction, isPending] = useActionState<RedirectImportState, FormData>(importRedirectsAction, null);
  const error = state && !state.ok ? state.error : undefined;
  return (
    <>
      <form action={formAction} className="stack narrow" aria-label="Import redirects from CSV">
        <Field id="redirect-csv" label="CSV file" hint="Two columns, from and to, one redirect a line; a header row is optional. Up to 1 MB." error={state && !state.ok ? state.fieldErrors?.file : undefined}>
          {(control) => <input type="file" name="file" accept=".csv,text/csv" required {...control} />}
        </Field>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        <div>
          <Button type="submit" isBusy={isPending} busyLabel="Importing…">
            Import
          </Button>
        </div>
      </form>
      <div aria-live="polite">{state?.ok ? <ImportReport state={state} /> : null}</div>
    </>
  );
}

function ImportReport({ state }: { state: Extract<RedirectImportState, { ok: true }> }) {
  const { report } = state;
  const problems = [
    ...report.invalid.map((row) => ({ ...row, kind: 'Not added' })),
    ...report.duplicates.map((row) => ({ ...row, kind: 'Already there' })),
  ].sort((a, b) => a.line - b.line);
  return (
    <section aria-label="Import report" className="stack">
      <p role="status" className="notice">
        {state.message}
      </p>
      {problems.length > 0 ? (
        <DeskTable columns={['Line', 'Old address', 'Why']} caption="Rows not added" captionClassName={null}>
          {problems.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>
                <code>{row.from || '(empty)'}</code>
              </td>
              <td>
                {row.kind}: {row.message}
              </td>
            </tr>
          ))}
        </DeskTable>
      ) : null}
    </section>
  );
}

export function RemoveRedirectButton({ id, fromPath }: { id: number; fromPath: string }) {
  return (
    <ConfirmRemoveButton name={`Remove the redirect from ${fromPath}`} title="Remove this redirect?" confirmLabel="Remove redirect" onConfirm={() => removeRedirectAction({ id })}>
      Readers following <code>{fromPath}</code> will find nothing there any more.
    </ConfirmRemoveButton>
  );
}

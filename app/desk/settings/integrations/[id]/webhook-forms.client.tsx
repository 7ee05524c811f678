'use client';

import { useActionState, useState } from 'react';
import { ConfirmRemoveButton } from '@/components/desk/confirm-remove-button';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useToast, useToastOnSuccess } from '@/components/ui/toast';
import { addWebhookAction, removeWebhookAction, resendDeliveryAction, type AddWebhookState } from './actions';

export function AddWebhookForm({ integrationId, events }: { integrationId: number; events: { value: string; label: string }[] }) {
  const [state, formAction, isPending] = useActionState<AddWebhookState, FormData>(addWebhookAction, null);
  useToastOnSuccess(state?.ok ? state : null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="stack narrow" aria-label="Add a webhook" key={state?.ok ? state.id : 'form'}>
      <EntityActionMessage result={state?.ok ? null : state} />
      <input type="hidden" name="integrationId" value={integrationId} />
      <Field id="webhook-event" label="When" error={errors.event}>
        {(control) => <Select name="event" defaultValue={values.event ?? events[0]?.value ?? ''} options={events} required {...control} />}
      </Field>
      <Field id="webhook-url" label="Send to" hint="The full address the receiver listens on; it gets a signed JSON POST." error={errors.targetUrl}>
        {(control) => <input name="targetUrl" type="url" required placeholder="https://" defaultValue={values.targetUrl ?? ''} {...control} />}
      </Field>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Adding…">
          Add webhook
        </Button>
      </div>
    </form>
  );
}

export function RemoveWebhookButton({ integrationId, id, targetUrl }: { integrationId: number; id: number; targetUrl: string }) {
  return (
    <ConfirmRemoveButton name={`Remove the webhook to ${targetUrl}`} title="Remove this webhook?" confirmLabel="Remove webhook" onConfirm={() => removeWebhookAction({ integrationId, id })}>
      <code>{targetUrl}</code> will hear of nothing more, and its delivery log goes with it.
    </ConfirmRemoveButton>
  );
}

export function ResendDeliveryButton({ integrationId, deliveryId }: { integrationId: number; deliveryId: number }) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useToast();
  const resend = async () => {
    setIsBusy(true);
    const answer = await resendDeliveryAction({ integrationId, deliveryId });
    setIsBusy(false);
    if (answer.ok) show(answer.message ?? 'Queued.');
    else setError(answer.error);
  };
  return (
    <>
      <Button variant="secondary" size="small" isBusy={isBusy} busyLabel="Queueing…" onClick={() => void resend()}>
        Send again
      </Button>
      {error ? (
        <span role="alert" className="form-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

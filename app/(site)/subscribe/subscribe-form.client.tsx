'use client';

import { useActionState } from 'react';
import { subscribeAction, type SubscribeFormState } from './actions';

type Props = {
  entities: { id: number; name: string; kindLabel: string }[];
};

/** The full subscribe form: address, the issue email, entities to follow, and how often alerts come. */
export function SubscribeForm({ entities }: Props) {
  const [state, action, isPending] = useActionState<SubscribeFormState, FormData>(subscribeAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  if (state.status === 'sent') {
    return (
      <p role="status" className="notice">
        {state.message}
      </p>
    );
  }
  return (
    <form action={action} className="stack subscribe-form" noValidate>
      <div aria-live="polite">
        {state.status === 'error' ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      <label>
        Email address
        <input type="email" name="email" autoComplete="email" required maxLength={254} aria-invalid={errors.email ? true : undefined} aria-describedby={errors.email ? 'email-error' : undefined} />
        {errors.email ? (
          <span id="email-error" className="field-error">
            {errors.email}
          </span>
        ) : null}
      </label>
      <fieldset>
        <legend>What to send</legend>
        <label className="checkbox">
          <input type="checkbox" name="wantsIssueEmail" defaultChecked /> Each new issue, when it comes out
        </label>
        {entities.map((entity) => (
          <label key={entity.id} className="checkbox">
            <input type="checkbox" name="follow" value={entity.id} defaultChecked /> New articles about {entity.name} <span className="meta">({entity.kindLabel})</span>
          </label>
        ))}
        {errors.wantsIssueEmail ? <p className="field-error">{errors.wantsIssueEmail}</p> : null}
      </fieldset>
      <fieldset>
        <legend>Alerts about what you follow</legend>
        <label className="checkbox">
          <input type="radio" name="alertFrequency" value="instant" defaultChecked /> As soon as an article is published
        </label>
        <label className="checkbox">
          <input type="radio" name="alertFrequency" value="daily" /> One digest a day
        </label>
        <label className="checkbox">
          <input type="radio" name="alertFrequency" value="weekly" /> One digest a week
        </label>
      </fieldset>
      <button type="submit" disabled={isPending}>
        {isPending ? 'Subscribing…' : 'Subscribe'}
      </button>
      <p className="hint">We send a message to confirm the address first; nothing else comes until you follow its link. Every email has a link to stop them all.</p>
    </form>
  );
}

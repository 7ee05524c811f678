'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { updateSettingsAction, type SettingsFormState } from './actions';

/** The site's settings; for now, its time zone. */
export function SettingsForm({ timeZone, timeZones }: { timeZone: string; timeZones: string[] }) {
  const [state, formAction, isPending] = useActionState<SettingsFormState, FormData>(updateSettingsAction, null);
  const error = state && !state.ok ? state.fieldErrors?.timeZone : undefined;
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state} />
      <label>
        Time zone
        <select name="timeZone" defaultValue={timeZone} aria-describedby={error ? 'time-zone-hint time-zone-error' : 'time-zone-hint'} aria-invalid={error ? true : undefined}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <span id="time-zone-hint" className="hint">
          Scheduled publication times, embargoes and dates in the desk are read and shown in this zone.
        </span>
        {error ? (
          <span id="time-zone-error" className="field-error">
            {error}
          </span>
        ) : null}
      </label>
      <div>
        <button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}

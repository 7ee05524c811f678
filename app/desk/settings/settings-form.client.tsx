'use client';

import { useActionState } from 'react';
import { EntityActionMessage } from '@/components/desk/entity-action-message';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToastOnSuccess } from '@/components/ui/toast';
import type { EntityKind } from '@/lib/entities/entity-types';
import { ENTITY_MENTION_KINDS } from '@/lib/content/nodes/entity-mention';
import { ENTITY_KIND_LABELS } from '@/lib/entities/entity-path';
import { Select } from '@/components/ui/select';
import { updateSettingsAction, type SettingsFormState } from './actions';

/** The site's settings: its name, its time zone, and which kinds of entity article text links to. */
export function SettingsForm({
  siteName,
  timeZone,
  timeZones,
  linkedEntityKinds,
}: {
  siteName: string;
  timeZone: string;
  timeZones: string[];
  linkedEntityKinds: EntityKind[];
}) {
  const [state, formAction, isPending] = useActionState<SettingsFormState, FormData>(updateSettingsAction, null);
  const error = state && !state.ok ? state.fieldErrors?.timeZone : undefined;
  const kindsError = state && !state.ok ? state.fieldErrors?.linkedEntityKinds : undefined;
  const nameError = state && !state.ok ? state.fieldErrors?.siteName : undefined;
  useToastOnSuccess(state);
  return (
    <form action={formAction} className="stack narrow">
      <EntityActionMessage result={state?.ok ? null : state} />
      <Field id="site-name" label="Site name" hint="Shown in the masthead, after every page title, in the feeds and in what search engines read." error={nameError}>
        {(control) => <input name="siteName" defaultValue={siteName} required maxLength={80} {...control} />}
      </Field>
      <Field id="time-zone" label="Time zone" hint="Scheduled publication times, embargoes and dates in the desk are read and shown in this zone." error={error}>
        {(control) => (
          <Select name="timeZone" defaultValue={timeZone} options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))} {...control} />
        )}
      </Field>
      <fieldset aria-describedby={kindsError ? 'linked-kinds-hint linked-kinds-error' : 'linked-kinds-hint'}>
        <legend>Link in article text</legend>
        <input type="hidden" name="linkedEntityKinds" value="" />
        {ENTITY_MENTION_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="checkbox" name="linkedEntityKinds" value={kind} defaultChecked={linkedEntityKinds.includes(kind)} /> {ENTITY_KIND_LABELS[kind].many}
          </label>
        ))}
        <span id="linked-kinds-hint" className="hint">
          The first mention of each entity of these kinds links to its page; later mentions and other kinds stay plain text. Every tag is listed by kind at the end of the article.
        </span>
        {kindsError ? (
          <span id="linked-kinds-error" className="field-error">
            {kindsError}
          </span>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          Save settings
        </Button>
      </div>
    </form>
  );
}

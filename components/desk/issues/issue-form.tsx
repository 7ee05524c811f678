'use client';

import type { JSONContent } from '@tiptap/core';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToastOnSuccess } from '@/components/ui/toast';
import type { IssueFormState } from '@/lib/issues/issue-action-state';
import type { CoverOption } from '@/lib/issues/list-cover-options';
import { DatePicker } from '@/components/ui/date-picker';
import { Select } from '@/components/ui/select';
import { EditorsNoteEditor } from './editors-note-editor';
import styles from './issues.module.css';

export type IssueFormValues = {
  slug: string;
  title: string;
  volume: string;
  number: string;
  coverMonth: string;
  plannedPublicationDate: string;
  coverMediaId: string;
  status: 'planning' | 'ready' | 'published';
  defaultAccess: string;
  archiveFreeAfterMonths: string;
};

/** Creates or edits an issue's details; a published issue keeps its status. */
export function IssueForm({
  action,
  initial,
  initialNote,
  covers,
  issueId,
  submitLabel,
}: {
  action: (state: IssueFormState, formData: FormData) => Promise<IssueFormState>;
  initial: IssueFormValues;
  initialNote: JSONContent | null;
  covers: CoverOption[];
  issueId?: number;
  submitLabel: string;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const values = { ...initial, ...(state && !state.ok ? state.values : {}) };
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const [coverId, setCoverId] = useState(initial.coverMediaId);
  const cover = covers.find((option) => String(option.id) === coverId);
  const isPublished = initial.status === 'published';
  useToastOnSuccess(state);
  return (
    <form action={formAction} className={`stack ${styles.issueForm}`} noValidate>
      <div aria-live="polite">
        {state && !state.ok ? (
          <p role="alert" className="form-error">
            {state.error}
          </p>
        ) : null}
      </div>
      {issueId !== undefined ? <input type="hidden" name="issueId" value={issueId} /> : null}
      <div className={styles.fieldRow}>
        <Field id="issue-title" label="Title" error={fieldErrors.title} hint="As on the cover, e.g. April 2025.">
          {(props) => <input name="title" defaultValue={values.title} maxLength={120} required {...props} />}
        </Field>
        <Field id="issue-slug" label="Slug" error={fieldErrors.slug} hint="The address: /issues/<slug>, e.g. 2025-04.">
          {(props) => <input name="slug" defaultValue={values.slug} maxLength={60} required {...props} />}
        </Field>
      </div>
      <div className={styles.fieldRow}>
        <Field id="issue-volume" label="Volume" error={fieldErrors.volume}>
          {(props) => <input name="volume" inputMode="numeric" defaultValue={values.volume} required {...props} />}
        </Field>
        <Field id="issue-number" label="Number" error={fieldErrors.number}>
          {(props) => <input name="number" inputMode="numeric" defaultValue={values.number} required {...props} />}
        </Field>
        <Field id="issue-coverMonth" label="Cover month" error={fieldErrors.coverMonth}>
          {(props) => <input type="month" name="coverMonth" defaultValue={values.coverMonth} required {...props} />}
        </Field>
        <Field id="issue-plannedPublicationDate" label="Planned publication date" error={fieldErrors.plannedPublicationDate}>
          {(props) => <DatePicker name="plannedPublicationDate" defaultValue={values.plannedPublicationDate} {...props} />}
        </Field>
      </div>
      {isPublished ? (
        <p className="hint">This issue is published; its status no longer changes.</p>
      ) : (
        <Field id="issue-status" label="Status" error={fieldErrors.status} hint="Ready means the editors consider the issue complete; publishing is its own step.">
          {(props) => (
            <Select
              name="status"
              defaultValue={values.status}
              options={[
                { value: 'planning', label: 'Planning' },
                { value: 'ready', label: 'Ready' },
              ]}
              {...props}
            />
          )}
        </Field>
      )}
      <div className={styles.fieldRow}>
        <Field id="issue-defaultAccess" label="Default access for new articles" error={fieldErrors.defaultAccess} hint="Articles placed in this issue start with it; each can be changed in the editor.">
          {(props) => (
            <Select
              name="defaultAccess"
              defaultValue={values.defaultAccess}
              emptyLabel="Public"
              options={[
                { value: 'registered', label: 'Registered readers' },
                { value: 'members', label: 'Members' },
              ]}
              {...props}
            />
          )}
        </Field>
        <Field id="issue-archiveFreeAfterMonths" label="Free after (months)" error={fieldErrors.archiveFreeAfterMonths} hint="Gated articles become public this many months after the cover month; empty: never.">
          {(props) => <input name="archiveFreeAfterMonths" inputMode="numeric" defaultValue={values.archiveFreeAfterMonths} {...props} />}
        </Field>
      </div>
      <Field id="issue-coverMediaId" label="Cover image" error={fieldErrors.coverMediaId} hint="From the media library; upload new images there.">
        {(props) => (
          <Select
            name="coverMediaId"
            value={coverId}
            onChange={setCoverId}
            emptyLabel="No cover"
            options={covers.map((option) => ({ value: String(option.id), label: option.label }))}
            {...props}
          />
        )}
      </Field>
      {cover ? (
        // eslint-disable-next-line @next/next/no-img-element -- a desk thumbnail of a library image, already resized.
        <img src={cover.url} alt={cover.alt} className={styles.coverThumb} />
      ) : null}
      <div>
        <p id="editorsNoteBody-label" className={styles.label}>
          Editor’s note
        </p>
        <EditorsNoteEditor name="editorsNoteBody" initial={initialNote} describedBy={fieldErrors.editorsNoteBody ? 'editorsNoteBody-error' : undefined} />
        {fieldErrors.editorsNoteBody ? (
          <span id="editorsNoteBody-error" className="field-error">
            {fieldErrors.editorsNoteBody}
          </span>
        ) : null}
      </div>
      <div>
        <Button type="submit" isBusy={isPending} busyLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

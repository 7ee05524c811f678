'use client';

import type { JSONContent } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import Link from 'next/link';
import { useState } from 'react';
import { EditorTools } from '@/components/editor/editor-tools';
import { MentionMenu } from '@/components/editor/mention-menu';
import { useArticleBody } from '@/components/editor/use-article-body';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { EditablePage } from '@/lib/site/pages/list-pages';
import type { PageConflict } from '@/lib/site/pages/page-write-result';
import { ConfirmButton } from './confirm-button';
import styles from './pages.module.css';

type Refusal = { ok: false; error: string; fieldErrors?: Record<string, string>; conflict?: PageConflict };
type Answer = { ok: true; version?: number; message?: string } | Refusal;
type Fields = { title: string; slug: string; seoDescription: string };

export type PageEditorActions = {
  save: (input: Fields & { id: number; version: number; body: JSONContent }) => Promise<Answer>;
  publish: (input: { id: number; version: number }) => Promise<Answer>;
  unpublish: (input: { id: number }) => Promise<Answer>;
  remove: (input: { id: number }) => Promise<Answer>;
};

/** A standalone page in the article editor's text area and toolbar, with its title, address and description, and its publication. */
export function PageEditor({ page, actions, canPublish }: { page: EditablePage; actions: PageEditorActions; canPublish: boolean }) {
  const [fields, setFields] = useState<Fields>({ title: page.title, slug: page.slug, seoDescription: page.seoDescription });
  const [version, setVersion] = useState(page.version);
  const [status, setStatus] = useState({ isPublished: page.status === 'published', hasUnpublishedChanges: page.hasUnpublishedChanges });
  const [isDirty, setIsDirty] = useState(false);
  const [savedSlug, setSavedSlug] = useState(page.slug);
  const [isBusy, setIsBusy] = useState(false);
  const [notice, setNotice] = useState<{ message: string; isError: boolean; fieldErrors?: Record<string, string>; conflict?: PageConflict } | null>(null);
  const body = useArticleBody({ body: page.body, canEdit: true, onChange: () => setIsDirty(true) });
  const { editor } = body;
  const change = (next: Partial<Fields>) => {
    setFields((current) => ({ ...current, ...next }));
    setIsDirty(true);
  };
  const refuse = (answer: Refusal) => setNotice({ message: answer.error, isError: true, fieldErrors: answer.fieldErrors, conflict: answer.conflict });

  /** Saves if anything changed; the version saved (or the one already stored), or null when the save was refused. */
  async function save(): Promise<number | null> {
    if (!editor) return null;
    if (!isDirty) return version;
    const answer = await actions.save({ id: page.id, version, ...fields, body: editor.getJSON() });
    if (!answer.ok) {
      refuse(answer);
      return null;
    }
    const saved = answer.version ?? version;
    setVersion(saved);
    setSavedSlug(fields.slug);
    setIsDirty(false);
    setStatus((current) => ({ ...current, hasUnpublishedChanges: current.isPublished }));
    setNotice({ message: answer.message ?? 'Saved.', isError: false });
    return saved;
  }

  async function run(step: () => Promise<void>) {
    setIsBusy(true);
    try {
      await step();
    } catch {
      setNotice({ message: 'The server could not be reached. Nothing is lost: your text is still here. Try again in a moment.', isError: true });
    } finally {
      setIsBusy(false);
    }
  }

  const publish = () =>
    run(async () => {
      const saved = await save();
      if (saved === null) return;
      const answer = await actions.publish({ id: page.id, version: saved });
      if (!answer.ok) return refuse(answer);
      setStatus({ isPublished: true, hasUnpublishedChanges: false });
      setNotice({ message: answer.message ?? 'Published.', isError: false });
    });

  const unpublish = () =>
    run(async () => {
      const answer = await actions.unpublish({ id: page.id });
      if (!answer.ok) return refuse(answer);
      setStatus({ isPublished: false, hasUnpublishedChanges: false });
      setNotice({ message: answer.message ?? 'Unpublished.', isError: false });
    });

  const remove = () =>
    run(async () => {
      const answer = await actions.remove({ id: page.id });
      if (!answer.ok) refuse(answer);
    });

  const fieldErrors = notice?.fieldErrors ?? {};
  return (
    <div className="stack">
      <div className={styles.actions}>
        <Badge kind="status" tone={status.isPublished ? 'positive' : 'neutral'}>
          {status.isPublished ? (status.hasUnpublishedChanges || isDirty ? 'Published, with changes not yet public' : 'Published') : 'Draft'}
        </Badge>
        {status.isPublished ? <Link href={`/${savedSlug}`}>View /{savedSlug}</Link> : null}
        <Button isBusy={isBusy} busyLabel="Working…" onClick={() => void run(async () => void (await save()))}>
          Save
        </Button>
        {canPublish ? (
          <>
            <ConfirmButton label={status.isPublished ? 'Publish changes' : 'Publish'} question={`Make this page public at /${fields.slug}?`} confirmLabel="Yes, publish" variant="primary" isBusy={isBusy} onConfirm={() => void publish()} />
            {status.isPublished ? <ConfirmButton label="Unpublish" question="Take this page off the site?" confirmLabel="Yes, unpublish" isBusy={isBusy} onConfirm={() => void unpublish()} /> : null}
            <ConfirmButton label="Delete" question={`Delete “${page.title}” for good?`} confirmLabel="Yes, delete" variant="danger" isBusy={isBusy} onConfirm={() => void remove()} />
          </>
        ) : null}
      </div>
      <div aria-live="polite">
        {notice?.conflict ? (
          <div role="alert" className={styles.conflict}>
            <p>
              <strong>Not saved: this page changed while you were editing.</strong>
            </p>
            <p>{notice.message}</p>
          </div>
        ) : notice ? (
          <p role={notice.isError ? 'alert' : 'status'} className={notice.isError ? 'form-error' : 'hint'}>
            {notice.message}
          </p>
        ) : null}
      </div>
      <div className={styles.fields}>
        <Field id="page-title" label="Title" error={fieldErrors.title}>
          {(props) => <input value={fields.title} maxLength={200} onChange={(event) => change({ title: event.target.value })} {...props} />}
        </Field>
        <Field id="page-slug" label="Slug" error={fieldErrors.slug} hint="The address readers use: /<slug>. Changing it on a published page moves the page at once.">
          {(props) => <input value={fields.slug} maxLength={80} onChange={(event) => change({ slug: event.target.value })} {...props} />}
        </Field>
        <Field id="page-description" label="Description for search engines and sharing" error={fieldErrors.seoDescription} hint="Left empty, the start of the text is used.">
          {(props) => <textarea rows={2} value={fields.seoDescription} maxLength={300} onChange={(event) => change({ seoDescription: event.target.value })} {...props} />}
        </Field>
      </div>
      {fieldErrors.body ? (
        <p role="alert" className="form-error">
          {fieldErrors.body}
        </p>
      ) : null}
      {editor ? <EditorTools editor={editor} uploadError={body.uploadError} pasteNotice={body.pasteNotice} onDismissPasteNotice={body.dismissPasteNotice} isFigureSelected={body.isFigureSelected} /> : null}
      <EditorContent editor={editor} className="editor-content" />
      {body.mentionMenu ? <MentionMenu state={body.mentionMenu} /> : null}
    </div>
  );
}

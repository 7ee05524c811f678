'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { MAX_UPLOAD_BYTES } from '@/lib/media/media-limits';
import type { MediaTextFieldErrors } from '@/lib/media/media-text-schema';
import type { MediaView } from '@/lib/media/media-view';
import { tooLargeMessage } from '@/lib/media/too-large-message';
import styles from './media-library.module.css';

type ApiAnswer = { ok: true; media: MediaView } | { ok: false; error: string; fieldErrors?: MediaTextFieldErrors };

type FormState = { status: 'idle' | 'busy' | 'done' | 'failed'; message?: string; fieldErrors?: MediaTextFieldErrors };

const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/** The upload form and the grid of images, each with its alt text, caption and credit, to edit where `editableIds` allows. */
export function MediaLibrary({ items, editableIds, query }: { items: MediaView[]; editableIds: number[]; query: string }) {
  return (
    <>
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload an image</h2>
        <UploadForm />
      </section>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{query ? `Images matching “${query}”` : 'All images'}</h2>
        {items.length === 0 ? (
          <EmptyState isAnnounced={Boolean(query)}>{query ? 'No image matches that search.' : 'No images yet: upload the first one above.'}</EmptyState>
        ) : (
          <ul className={styles.grid}>
            {items.map((item) => (
              <MediaCard key={item.id} item={item} canEdit={editableIds.includes(item.id)} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function UploadForm() {
  const router = useRouter();
  const [state, setState] = useState<FormState>({ status: 'idle' });

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setState({ status: 'failed', message: 'Choose an image to upload.' });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setState({ status: 'failed', message: tooLargeMessage({ bytes: file.size, maxBytes: MAX_UPLOAD_BYTES }) });
      return;
    }
    setState({ status: 'busy', message: `Uploading ${file.name}…` });
    const answer = await send({ url: '/api/desk/media', init: { method: 'POST', body: data } });
    if (!answer.ok) {
      setState({ status: 'failed', message: answer.error, fieldErrors: answer.fieldErrors });
      return;
    }
    form.reset();
    setState({ status: 'done', message: `Uploaded ${answer.media.originalName}.` });
    router.refresh();
  }

  return (
    <form onSubmit={upload} className="stack narrow" noValidate>
      <StatusMessage state={state} />
      <label>
        Image (JPEG, PNG, WebP, GIF or AVIF, up to 20 MB)
        <input type="file" name="file" accept={ACCEPTED_TYPES} required />
      </label>
      <TextFields idPrefix="upload" errors={state.fieldErrors} />
      <Button type="submit" isBusy={state.status === 'busy'} busyLabel="Uploading…">
        Upload
      </Button>
    </form>
  );
}

function MediaCard({ item, canEdit }: { item: MediaView; canEdit: boolean }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>({ status: 'idle' });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const changes = { alt: String(data.get('alt') ?? ''), caption: String(data.get('caption') ?? ''), credit: String(data.get('credit') ?? '') };
    setState({ status: 'busy', message: 'Saving…' });
    const answer = await send({
      url: `/api/desk/media/${item.id}`,
      init: { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(changes) },
    });
    if (!answer.ok) {
      setState({ status: 'failed', message: answer.error, fieldErrors: answer.fieldErrors });
      return;
    }
    setState({ status: 'done', message: 'Saved.' });
    router.refresh();
  }

  return (
    <li className={styles.card}>
      {/* The stored copies are already resized; srcset lets the browser pick the smallest that fits. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={item.url} srcSet={item.srcset} sizes="16rem" width={item.width} height={item.height} alt={item.alt} loading="lazy" className={styles.thumbnail} />
      <dl className={styles.facts}>
        <dt>Alt text</dt>
        <dd>{item.alt || <strong>Missing: describe the image for readers who cannot see it.</strong>}</dd>
        <dt>Caption</dt>
        <dd>{item.caption || '—'}</dd>
        <dt>Credit</dt>
        <dd>{item.credit || '—'}</dd>
        <dt>File</dt>
        <dd className={styles.fileName}>
          {item.originalName}, {item.width} × {item.height}
        </dd>
      </dl>
      {canEdit ? (
        <details>
          <summary>Edit text</summary>
          <form onSubmit={save} className="stack" noValidate>
            <StatusMessage state={state} />
            <TextFields idPrefix={`media-${item.id}`} defaults={item} errors={state.fieldErrors} />
            <Button type="submit" isBusy={state.status === 'busy'} busyLabel="Saving…">
              Save
            </Button>
          </form>
        </details>
      ) : (
        <p className="hint">Uploaded by someone else: an editor can change its text.</p>
      )}
    </li>
  );
}

function TextFields({
  idPrefix,
  defaults,
  errors,
}: {
  idPrefix: string;
  defaults?: { alt: string; caption: string; credit: string };
  errors?: MediaTextFieldErrors;
}) {
  return (
    <>
      <TextField id={`${idPrefix}-alt`} name="alt" label="Alt text (what the image shows)" maxLength={300} defaultValue={defaults?.alt} error={errors?.alt} />
      <TextField id={`${idPrefix}-caption`} name="caption" label="Caption" maxLength={1000} defaultValue={defaults?.caption} error={errors?.caption} isLong />
      <TextField id={`${idPrefix}-credit`} name="credit" label="Credit" maxLength={200} defaultValue={defaults?.credit} error={errors?.credit} />
    </>
  );
}

function TextField({
  id,
  name,
  label,
  maxLength,
  defaultValue,
  error,
  isLong = false,
}: {
  id: string;
  name: string;
  label: string;
  maxLength: number;
  defaultValue?: string;
  error?: string;
  isLong?: boolean;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(control) =>
        isLong ? <textarea rows={3} name={name} maxLength={maxLength} defaultValue={defaultValue} {...control} /> : <input type="text" name={name} maxLength={maxLength} defaultValue={defaultValue} {...control} />
      }
    </Field>
  );
}

function StatusMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.status === 'failed' && state.message ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {state.status === 'busy' && state.message ? <p>{state.message}</p> : null}
      {state.status === 'done' && state.message ? <p className="notice">{state.message}</p> : null}
    </div>
  );
}

async function send({ url, init }: { url: string; init: RequestInit }): Promise<ApiAnswer> {
  try {
    const response = await fetch(url, init);
    const body = (await response.json()) as ApiAnswer;
    if (response.status === 401) return { ok: false, error: 'Your session has ended: sign in again, then retry.' };
    return body;
  } catch {
    return { ok: false, error: 'The server could not be reached. Check your connection and try again.' };
  }
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

const KINDS = [
  { value: 'wordpress', label: 'WordPress export (WXR, .xml)' },
  { value: 'ghost', label: 'Ghost export (.json)' },
  { value: 'subscribers', label: 'Subscribers (.csv)' },
] as const;

const ACCEPTED: Record<string, string> = { wordpress: '.xml,text/xml,application/xml', ghost: '.json,application/json', subscribers: '.csv,text/csv' };

type UploadState = { status: 'idle' | 'uploading' | 'failed'; message?: string; sent?: number; total?: number };

/**
 * Sends the export as the request body (so a file of hundreds of megabytes streams to disk) and opens
 * its dry run. XMLHttpRequest, not fetch, because only it reports how much of the upload has gone.
 */
export function ImportUploadForm({ uploadUrl, maxBytes }: { uploadUrl: string; maxBytes: number }) {
  const router = useRouter();
  const [kind, setKind] = useState('wordpress');
  const [state, setState] = useState<UploadState>({ status: 'idle' });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setState({ status: 'failed', message: 'Choose the export file to upload.' });
      return;
    }
    if (file.size > maxBytes) {
      setState({ status: 'failed', message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the most an import takes; nothing was saved.` });
      return;
    }
    const query = new URLSearchParams({ source: kind, fileName: file.name, fetchImages: data.get('fetchImages') === 'yes' ? 'yes' : 'no' });
    const request = new XMLHttpRequest();
    request.open('POST', `${uploadUrl}?${query}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (progress) => setState({ status: 'uploading', sent: progress.loaded, total: progress.total || file.size });
    request.onerror = () => setState({ status: 'failed', message: 'The upload did not reach the server; check the connection and try again.' });
    request.onload = () => {
      const answer = parseAnswer(request.responseText);
      if (request.status === 201 && answer.ok && answer.run) {
        router.push(`/desk/import/${answer.run.id}`);
        return;
      }
      setState({ status: 'failed', message: answer.error ?? `The server answered ${request.status}; nothing was imported.` });
    };
    setState({ status: 'uploading', sent: 0, total: file.size });
    request.send(file);
  }

  const isUploading = state.status === 'uploading';
  return (
    <form onSubmit={submit} className="stack narrow" aria-label="Import a file" noValidate>
      {state.status === 'failed' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
      <Field id="import-kind" label="What kind of file">
        {(control) => <Select {...control} options={KINDS} value={kind} onChange={setKind} name="source" />}
      </Field>
      <Field id="import-file" label="Export file" hint={`Up to ${Math.round(maxBytes / 1024 / 1024)} MB. It is kept on the server until the import is done.`}>
        {(control) => <input {...control} type="file" name="file" accept={ACCEPTED[kind]} required />}
      </Field>
      {kind === 'subscribers' ? null : (
        <label className="checkbox">
          <input type="checkbox" name="fetchImages" value="yes" defaultChecked /> Fetch images from the old site
        </label>
      )}
      <p className="hint">Every upload starts as a dry run: you see what would be created, updated and skipped before anything is saved.</p>
      {isUploading ? (
        <p role="status">
          <progress value={state.sent} max={state.total} aria-label="Upload progress" /> Uploading… {Math.floor(((state.sent ?? 0) / (state.total || 1)) * 100)}%
        </p>
      ) : null}
      <Button type="submit" isBusy={isUploading} busyLabel="Uploading…">
        Upload and start a dry run
      </Button>
    </form>
  );
}

function parseAnswer(text: string): { ok?: boolean; error?: string; run?: { id: number } } {
  try {
    return JSON.parse(text) as { ok?: boolean; error?: string; run?: { id: number } };
  } catch {
    return {};
  }
}

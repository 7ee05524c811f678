'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { isAllowedHref } from '@/lib/content/is-allowed-href';
import { figureAttrsFrom, uploadImage } from './upload-image';
import { Button } from '@/components/ui/button';

type PanelProps = { editor: Editor; onClose: () => void };

export function LinkPanel({ editor, onClose }: PanelProps) {
  const [href, setHref] = useState<string>(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [error, setError] = useState('');
  const inputId = useId();
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (!isAllowedHref(value)) {
      setError('Use a web address starting with https:// or http://, a mailto: address, or a path on this site starting with /.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    else chain.setLink({ href: value }).run();
    onClose();
  };
  return (
    <form className="editor-panel" onSubmit={apply} aria-label="Link">
      <label htmlFor={inputId}>Link address</label>
      <input id={inputId} value={href} onChange={(event) => setHref(event.target.value)} placeholder="https://…" autoFocus />
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="panel-actions">
        <Button type="submit">Apply link</Button>
        {editor.isActive('link') ? (
          <Button onClick={() => { editor.chain().focus().extendMarkRange('link').unsetLink().run(); onClose(); }}>
            Remove link
          </Button>
        ) : null}
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

type Target = { kind: 'article' | 'issue'; title: string; href: string; detail: string };

/** Finds our own articles and issues and links the selection (or their title) to them. */
export function InternalLinkPanel({ editor, onClose }: PanelProps) {
  const [query, setQuery] = useState('');
  const [targets, setTargets] = useState<Target[]>([]);
  const [message, setMessage] = useState('Type at least two letters of a title.');
  const inputId = useId();
  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/desk/link-targets?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        const data = (await response.json()) as { targets?: Target[]; error?: string };
        setTargets(data.targets ?? []);
        setMessage(data.targets?.length ? '' : (data.error ?? 'Nothing we published matches.'));
      } catch {
        if (!controller.signal.aborted) setMessage('Search is not available offline.');
      }
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);
  const choose = (target: Target) => {
    const chain = editor.chain().focus();
    if (editor.state.selection.empty) chain.insertContent({ type: 'text', text: target.title, marks: [{ type: 'link', attrs: { href: target.href } }] }).run();
    else chain.setLink({ href: target.href }).run();
    onClose();
  };
  return (
    <div className="editor-panel" role="group" aria-label="Link to our articles">
      <label htmlFor={inputId}>Search our articles and issues</label>
      <input id={inputId} value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
      {message && query.trim().length >= 2 ? <p className="meta">{message}</p> : null}
      <ul className="picker-results">
        {targets.map((target) => (
          <li key={target.href}>
            <button type="button" onClick={() => choose(target)}>
              <strong>{target.title}</strong> <span className="meta">{target.detail}</span>
            </button>
          </li>
        ))}
      </ul>
      <Button variant="quiet" onClick={onClose}>
        Cancel
      </Button>
    </div>
  );
}

export function FootnotePanel({ editor, onClose }: PanelProps) {
  const [note, setNote] = useState('');
  const inputId = useId();
  const insert = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') return;
    editor.chain().focus().insertFootnote(note.trim()).run();
    onClose();
  };
  return (
    <form className="editor-panel" onSubmit={insert} aria-label="Footnote">
      <label htmlFor={inputId}>Footnote text</label>
      <textarea id={inputId} value={note} onChange={(event) => setNote(event.target.value)} rows={3} maxLength={2000} autoFocus />
      <div className="panel-actions">
        <Button type="submit">Insert footnote</Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function ImagePanel({ editor, onClose }: PanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState({ alt: '', caption: '', credit: '' });
  const [error, setError] = useState('');
  const [isUploading, setIsUploading] = useState(false);
  const ids = { file: useId(), alt: useId(), caption: useId(), credit: useId() };
  const insert = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError('Choose an image file first.');
      return;
    }
    setIsUploading(true);
    setError('');
    try {
      const image = await uploadImage(file, text);
      editor.chain().focus().setFigure(figureAttrsFrom(image)).run();
      onClose();
    } catch (uploadError) {
      setError((uploadError as Error).message);
    } finally {
      setIsUploading(false);
    }
  };
  return (
    <form className="editor-panel" onSubmit={insert} aria-label="Insert image">
      <label htmlFor={ids.file}>Image file</label>
      <input id={ids.file} type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      <label htmlFor={ids.alt}>Alt text (what the image shows, for readers who cannot see it)</label>
      <input id={ids.alt} value={text.alt} maxLength={300} onChange={(event) => setText({ ...text, alt: event.target.value })} />
      <label htmlFor={ids.caption}>Caption</label>
      <input id={ids.caption} value={text.caption} maxLength={1000} onChange={(event) => setText({ ...text, caption: event.target.value })} />
      <label htmlFor={ids.credit}>Credit</label>
      <input id={ids.credit} value={text.credit} maxLength={200} onChange={(event) => setText({ ...text, credit: event.target.value })} />
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="panel-actions">
        <Button type="submit" isBusy={isUploading} busyLabel="Uploading…">
          Upload and insert
        </Button>
        <Button variant="quiet" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Alt text, caption and credit of the image the cursor is on. */
export function FigureDetails({ editor }: { editor: Editor }) {
  const attrs = editor.getAttributes('figure') as { alt?: string; caption?: string; credit?: string };
  const ids = { alt: useId(), caption: useId(), credit: useId() };
  const update = (field: 'alt' | 'caption' | 'credit', value: string) => editor.chain().updateAttributes('figure', { [field]: value }).run();
  return (
    <fieldset className="editor-panel">
      <legend>Selected image</legend>
      <label htmlFor={ids.alt}>Alt text</label>
      <input id={ids.alt} value={attrs.alt ?? ''} maxLength={300} onChange={(event) => update('alt', event.target.value)} />
      <label htmlFor={ids.caption}>Caption</label>
      <input id={ids.caption} value={attrs.caption ?? ''} maxLength={1000} onChange={(event) => update('caption', event.target.value)} />
      <label htmlFor={ids.credit}>Credit</label>
      <input id={ids.credit} value={attrs.credit ?? ''} maxLength={200} onChange={(event) => update('credit', event.target.value)} />
    </fieldset>
  );
}

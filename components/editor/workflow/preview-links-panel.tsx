'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import styles from './preview-links-panel.module.css';
import { Button } from '@/components/ui/button';

type PreviewLink = { id: number; label: string; createdBy: string | null; expiresAt: string; revokedAt: string | null; isActive: boolean };

type Answer = { ok: boolean; error?: string; links?: PreviewLink[]; url?: string; fieldErrors?: Record<string, string> };

const DEFAULT_HOURS = 72;
const stamp = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Secret links that show this unpublished article to partners before its embargo ends: make, copy once, revoke. */
export function PreviewLinksPanel({ articleId }: { articleId: number }) {
  const base = `/api/desk/articles/${articleId}/preview-links`;
  const [links, setLinks] = useState<PreviewLink[] | null>(null);
  const [label, setLabel] = useState('');
  const [hours, setHours] = useState(String(DEFAULT_HOURS));
  const [newUrl, setNewUrl] = useState<string | null>(null);
  const [isCopied, setIsCopied] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labelId = useId();
  const hoursId = useId();
  const headingId = useId();

  const showList = useCallback((answer: Answer) => {
    if (answer.ok) setLinks(answer.links ?? []);
    else setError(answer.error ?? 'The preview links could not be loaded; reload the page.');
  }, []);

  useEffect(() => {
    let isCurrent = true;
    void call(base, { method: 'GET' }).then((answer) => {
      if (isCurrent) showList(answer);
    });
    return () => {
      isCurrent = false;
    };
  }, [base, showList]);

  async function reload() {
    showList(await call(base, { method: 'GET' }));
  }

  async function create() {
    setIsBusy(true);
    setError(null);
    setNewUrl(null);
    setIsCopied(false);
    const answer = await call(base, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ label, expiresInHours: Number(hours) }),
    });
    setIsBusy(false);
    if (!answer.ok) {
      setError(answer.error ?? 'The link could not be made; nothing was changed.');
      return;
    }
    setNewUrl(answer.url ?? null);
    setLabel('');
    await reload();
  }

  async function revoke(id: number) {
    setIsBusy(true);
    setError(null);
    const answer = await call(`${base}?id=${id}`, { method: 'DELETE' });
    setIsBusy(false);
    if (!answer.ok) setError(answer.error ?? 'The link could not be revoked; try again.');
    await reload();
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setIsCopied(true);
    } catch {
      setError('Copying was not allowed by the browser; select the address and copy it by hand.');
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h3 id={headingId}>Preview links</h3>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label htmlFor={labelId}>Who is it for? (optional)</label>
        <input id={labelId} value={label} maxLength={120} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. Reuters desk" />
        <div className={styles.row}>
          <label htmlFor={hoursId}>Works for</label>
          <input
            id={hoursId}
            className={styles.hours}
            type="number"
            min={1}
            max={720}
            step={1}
            required
            value={hours}
            onChange={(event) => setHours(event.target.value)}
          />
          <span>hours</span>
          <Button type="submit" disabled={isBusy}>
            Make a link
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {error ? <p className={styles.error}>{error}</p> : null}
        {newUrl ? (
          <div className={styles.created}>
            <span>Copy this address now: it is shown only once.</span>
            <input readOnly value={newUrl} aria-label="New preview link" onFocus={(event) => event.target.select()} />
            <div className={styles.row}>
              <Button onClick={() => void copy(newUrl)}>
                Copy
              </Button>
              {isCopied ? <span>Copied.</span> : null}
            </div>
          </div>
        ) : null}
      </div>
      {links === null ? (
        <p>Loading preview links…</p>
      ) : links.length === 0 ? (
        <p className={styles.inactive}>No preview links yet.</p>
      ) : (
        <ul className={styles.list}>
          {links.map((link) => (
            <li key={link.id} className={link.isActive ? undefined : styles.inactive}>
              <span>{link.label || 'Untitled link'}</span>
              <span>{describeState(link)}</span>
              {link.isActive ? (
                <Button variant="quiet" disabled={isBusy} onClick={() => void revoke(link.id)}>
                  Revoke<span className="visually-hidden"> {link.label || 'this link'}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeState(link: PreviewLink): string {
  if (link.revokedAt) return `Revoked ${stamp.format(new Date(link.revokedAt))}`;
  const expiresAt = new Date(link.expiresAt);
  return link.isActive ? `Works until ${stamp.format(expiresAt)}` : `Expired ${stamp.format(expiresAt)}`;
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, cache: 'no-store' });
    return (await response.json()) as Answer;
  } catch {
    return { ok: false, error: 'The server could not be reached; check the connection and try again.' };
  }
}

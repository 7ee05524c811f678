'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { SiteLink } from '@/lib/site/navigation/default-navigation';
import styles from './pages.module.css';

type Answer = { ok: true; message?: string } | { ok: false; error: string };
type Item = SiteLink & { key: number };

let nextKey = 0;
const keyed = (links: readonly SiteLink[]): Item[] => links.map((link) => ({ ...link, key: (nextKey += 1) }));

/**
 * One menu's links: add, edit, remove and move up or down, then save them all at once. `isDefault`
 * says the site still shows the built-in links, which are offered here as a starting point.
 */
export function NavigationEditor({ menu, title, initial, isDefault, save }: { menu: 'header' | 'footer'; title: string; initial: readonly SiteLink[]; isDefault: boolean; save: (input: { menu: 'header' | 'footer'; items: SiteLink[] }) => Promise<Answer> }) {
  const [items, setItems] = useState(() => keyed(initial));
  const [notice, setNotice] = useState<{ message: string; isError: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const update = (key: number, next: Partial<SiteLink>) => setItems((current) => current.map((item) => (item.key === key ? { ...item, ...next } : item)));
  const move = (index: number, step: -1 | 1) =>
    setItems((current) => {
      const target = index + step;
      if (target < 0 || target >= current.length) return current;
      const next = [...current];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });

  async function submit() {
    setIsBusy(true);
    try {
      const answer = await save({ menu, items: items.map(({ label, href }) => ({ label, href })) });
      setNotice(answer.ok ? { message: answer.message ?? 'Saved.', isError: false } : { message: answer.error, isError: true });
    } catch {
      setNotice({ message: 'The server could not be reached; the menu is unchanged. Try again in a moment.', isError: true });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${menu}-menu-title`} className="stack">
      <h2 id={`${menu}-menu-title`}>{title}</h2>
      {isDefault ? <p className="hint">The site shows its built-in links here until you save this menu.</p> : null}
      <ol className={styles.list}>
        {items.map((item, index) => (
          <li key={item.key} className={styles.menuItem} aria-label={`${title} link ${index + 1}`}>
            <Field id={`${menu}-${item.key}-label`} label="Label">
              {(props) => <input value={item.label} maxLength={60} onChange={(event) => update(item.key, { label: event.target.value })} {...props} />}
            </Field>
            <Field id={`${menu}-${item.key}-href`} label="Address">
              {(props) => <input value={item.href} maxLength={500} placeholder="/about or https://…" onChange={(event) => update(item.key, { href: event.target.value })} {...props} />}
            </Field>
            <span className={styles.actions}>
              <Button variant="quiet" size="small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${item.label || 'this link'} up`}>
                ↑
              </Button>
              <Button variant="quiet" size="small" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${item.label || 'this link'} down`}>
                ↓
              </Button>
              <Button variant="quiet" size="small" onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))} aria-label={`Remove ${item.label || 'this link'}`}>
                Remove
              </Button>
            </span>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        <Button variant="secondary" onClick={() => setItems((current) => [...current, ...keyed([{ label: '', href: '' }])])}>
          Add a link
        </Button>
        <Button isBusy={isBusy} busyLabel="Saving…" onClick={() => void submit()}>
          Save {menu} menu
        </Button>
      </div>
      <div aria-live="polite">
        {notice ? (
          <p role={notice.isError ? 'alert' : 'status'} className={notice.isError ? 'form-error' : 'hint'}>
            {notice.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}

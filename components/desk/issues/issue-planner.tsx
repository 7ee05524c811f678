'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type DragEvent } from 'react';
import { StatusBadge } from '@/components/desk/dashboard/status-badge';
import type { IssueActionResult } from '@/lib/issues/issue-action-state';
import type { PlannedSection } from '@/lib/issues/get-issue-plan';
import { moveInList } from './move-in-list';
import styles from './issues.module.css';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

type Focus = { articleId: number; control: 'up' | 'down' } | null;

/**
 * The issue's articles by section. Each section's order changes by dragging a row or with the
 * Move up / Move down buttons; every move is saved at once and announced to screen readers.
 */
export function IssuePlanner({
  issueId,
  sections: initialSections,
  reorderAction,
  removeAction,
}: {
  issueId: number;
  sections: PlannedSection[];
  reorderAction: (input: { issueId: number; sectionId: number | null; articleIds: number[] }) => Promise<IssueActionResult>;
  removeAction: (input: { issueId: number; articleId: number }) => Promise<IssueActionResult>;
}) {
  const router = useRouter();
  const [sections, setSections] = useState(initialSections);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState('');
  const [dragged, setDragged] = useState<{ articleId: number; sectionKey: string } | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const [isPending, startTransition] = useTransition();
  // Moves are saved one after another; the count tells the editor (and a reload) whether any is still on its way.
  const [savesInFlight, setSavesInFlight] = useState(0);
  const [saveState, setSaveState] = useState<'idle' | 'saved'>('idle');
  const controls = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!focus) return;
    const wanted = controls.current.get(`${focus.articleId}:${focus.control}`);
    const other = controls.current.get(`${focus.articleId}:${focus.control === 'up' ? 'down' : 'up'}`);
    // At the top or bottom the pressed button is disabled; keep focus on the row's other one.
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focus, sections]);

  useEffect(() => {
    if (savesInFlight === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [savesInFlight]);

  function move({ sectionIndex, from, to, control }: { sectionIndex: number; from: number; to: number; control: 'up' | 'down' | null }): void {
    const section = sections[sectionIndex];
    if (!section || to < 0 || to >= section.articles.length || from === to) return;
    const previous = sections;
    const articles = moveInList(section.articles, { from, to });
    const moved = section.articles[from]!;
    setSections(sections.map((entry, index) => (index === sectionIndex ? { ...entry, articles } : entry)));
    setError('');
    setAnnouncement(`Moved ${moved.title} to position ${to + 1} of ${articles.length} in ${section.name}.`);
    if (control) setFocus({ articleId: moved.id, control });
    setSavesInFlight((count) => count + 1);
    startTransition(async () => {
      const result = await reorderAction({ issueId, sectionId: section.sectionId, articleIds: articles.map((article) => article.id) });
      setSavesInFlight((count) => count - 1);
      if (result.ok) {
        setSaveState('saved');
        return;
      }
      setSaveState('idle');
      setSections(previous);
      setAnnouncement('');
      setError(result.error);
    });
  }

  function remove({ articleId, title }: { articleId: number; title: string }): void {
    setError('');
    startTransition(async () => {
      const result = await removeAction({ issueId, articleId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setAnnouncement(result.message);
      router.refresh();
    });
    setAnnouncement(`Removing ${title}…`);
  }

  function onDrop(event: DragEvent, { sectionIndex, targetIndex }: { sectionIndex: number; targetIndex: number }): void {
    event.preventDefault();
    const section = sections[sectionIndex];
    if (!dragged || !section || dragged.sectionKey !== keyOf(section)) return;
    const from = section.articles.findIndex((article) => article.id === dragged.articleId);
    setDragged(null);
    if (from !== -1) move({ sectionIndex, from, to: targetIndex, control: null });
  }

  if (sections.length === 0) return <EmptyState>No articles in this issue yet. Add some below.</EmptyState>;
  return (
    <div className={styles.planner}>
      <p aria-live="polite" role="status" className="visually-hidden">
        {announcement}
      </p>
      <div aria-live="assertive">
        {error ? (
          <p role="alert" className="form-error">
            {error}{' '}
            <Button variant="quiet" onClick={() => router.refresh()}>
              Reload the issue
            </Button>
          </p>
        ) : null}
      </div>
      <p className="meta" data-testid="planner-save-state">
        {savesInFlight > 0 ? 'Saving the order…' : saveState === 'saved' ? 'Order saved.' : null}
      </p>
      <p className="hint">Drag a row, or use its Move up and Move down buttons, to change the order within a section. Each change is saved at once.</p>
      {sections.map((section, sectionIndex) => (
        <section key={keyOf(section)} aria-labelledby={`planner-${keyOf(section)}`} className={styles.plannerSection}>
          <h3 id={`planner-${keyOf(section)}`}>
            {section.name} <span className="meta">({section.articles.length})</span>
          </h3>
          <ol className={styles.plannerList} aria-label={`${section.name}, in order`}>
            {section.articles.map((article, index) => (
              <li
                key={article.id}
                draggable
                aria-describedby={article.isReady ? undefined : `blocks-${article.id}`}
                className={[styles.plannerRow, dragged?.articleId === article.id ? styles.dragging : '', article.isReady ? '' : styles.blocked].join(' ')}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', String(article.id));
                  setDragged({ articleId: article.id, sectionKey: keyOf(section) });
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(event) => {
                  if (dragged?.sectionKey === keyOf(section)) event.preventDefault();
                }}
                onDrop={(event) => onDrop(event, { sectionIndex, targetIndex: index })}
              >
                <span className={styles.handle} aria-hidden="true">
                  ⋮⋮
                </span>
                <div className={styles.rowMain}>
                  <Link href={`/desk/articles/${article.id}`}>{article.title}</Link> <StatusBadge status={article.status} />
                  {article.authors.length > 0 ? <span className="meta"> · {article.authors.map((author) => author.name).join(', ')}</span> : null}
                  {article.isReady ? (
                    <p className={styles.ready}>Ready</p>
                  ) : (
                    <ul id={`blocks-${article.id}`} className={styles.reasons} aria-label={`What blocks ${article.title}`}>
                      {article.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <div className={styles.rowActions}>
                  <Button
                    variant="secondary"
                    size="small"
                    ref={(element) => register(controls.current, `${article.id}:up`, element)}
                    aria-label={`Move ${article.title} up`}
                    disabled={index === 0}
                    onClick={() => move({ sectionIndex, from: index, to: index - 1, control: 'up' })}
                  >
                    Move up
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    ref={(element) => register(controls.current, `${article.id}:down`, element)}
                    aria-label={`Move ${article.title} down`}
                    disabled={index === section.articles.length - 1}
                    onClick={() => move({ sectionIndex, from: index, to: index + 1, control: 'down' })}
                  >
                    Move down
                  </Button>
                  <Button variant="quiet" aria-label={`Remove ${article.title} from the issue`} disabled={isPending} onClick={() => remove({ articleId: article.id, title: article.title })}>
                    Remove
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function keyOf(section: PlannedSection): string {
  return section.sectionId === null ? 'none' : String(section.sectionId);
}

function register(map: Map<string, HTMLButtonElement>, key: string, element: HTMLButtonElement | null): void {
  if (element) map.set(key, element);
  else map.delete(key);
}

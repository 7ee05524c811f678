'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { StatusBadge } from '@/components/desk/dashboard/status-badge';
import type { IssueActionResult } from '@/lib/issues/issue-action-state';
import type { IssueCandidate } from '@/lib/issues/search-articles-for-issue';
import styles from './issues.module.css';
import { Button } from '@/components/ui/button';

/** Finds articles that are in no issue, by title, and adds them to this one. */
export function AddIssueArticles({
  issueId,
  searchAction,
  addAction,
}: {
  issueId: number;
  searchAction: (input: { issueId: number; query: string }) => Promise<{ ok: true; articles: IssueCandidate[] } | { ok: false; error: string }>;
  addAction: (input: { issueId: number; articleId: number }) => Promise<IssueActionResult>;
}) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<IssueCandidate[] | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [isPending, startTransition] = useTransition();

  function search(event: FormEvent): void {
    event.preventDefault();
    setError('');
    startTransition(async () => {
      const result = await searchAction({ issueId, query });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setResults(result.articles);
      setMessage(result.articles.length === 0 ? 'No article outside an issue matches.' : `${result.articles.length} found.`);
    });
  }

  function add(candidate: IssueCandidate): void {
    setError('');
    startTransition(async () => {
      const result = await addAction({ issueId, articleId: candidate.id });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setResults((current) => current?.filter((entry) => entry.id !== candidate.id) ?? null);
      setMessage(result.message);
      router.refresh();
    });
  }

  return (
    <div className={styles.picker}>
      <form role="search" aria-label="Find articles to add" onSubmit={search} className={styles.pickerForm}>
        <label>
          Article title
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={200} />
        </label>
        <Button type="submit" disabled={isPending}>
          Find articles
        </Button>
      </form>
      <div aria-live="polite">
        {message ? (
          <p role="status" className="meta">
            {message}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
      </div>
      {results && results.length > 0 ? (
        <ul className={styles.pickerResults} aria-label="Articles in no issue">
          {results.map((candidate) => (
            <li key={candidate.id}>
              <span>
                {candidate.title} <StatusBadge status={candidate.status} /> <span className="meta">{candidate.sectionName ?? 'No section'}</span>
              </span>
              <Button onClick={() => add(candidate)} disabled={isPending} aria-label={`Add ${candidate.title}`}>
                Add
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

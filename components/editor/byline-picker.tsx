'use client';

import { useId, useState, type FormEvent } from 'react';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import type { BylineContributor } from '@/lib/staff/users/byline-contributor';
import { postGuestContributor } from './contributors-api';

const MATCH_LIMIT = 8;

type Props = {
  contributors: BylineContributor[];
  chosenIds: number[];
  onChoose: (contributor: BylineContributor) => void;
};

/** Finds a contributor by name for the byline, or adds the writer as a guest when nobody matches. */
export function BylinePicker({ contributors, chosenIds, onChoose }: Props) {
  const ids = { search: useId(), hint: useId(), guestName: useId(), guestAffiliation: useId(), guestError: useId() };
  const [query, setQuery] = useState('');
  const [guest, setGuest] = useState<{ name: string; affiliation: string } | null>(null);
  const [problem, setProblem] = useState<{ error: string; fieldErrors: Record<string, string>; existing?: BylineContributor } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const wanted = normalizeAlias(query);
  const matches = wanted ? contributors.filter((contributor) => !chosenIds.includes(contributor.id) && normalizeAlias(contributor.name).includes(wanted)).slice(0, MATCH_LIMIT) : [];
  const isKnown = contributors.some((contributor) => normalizeAlias(contributor.name) === wanted);

  const choose = (contributor: BylineContributor) => {
    onChoose(contributor);
    setQuery('');
    setGuest(null);
    setProblem(null);
  };

  const addGuest = async (event: FormEvent) => {
    event.preventDefault();
    if (!guest || isSaving) return;
    setIsSaving(true);
    const answer = await postGuestContributor(guest);
    setIsSaving(false);
    if (answer.ok) return choose(answer.contributor);
    setProblem({ error: answer.error, fieldErrors: answer.fieldErrors ?? {}, existing: answer.existing });
  };

  return (
    <div className="byline-picker">
      <label htmlFor={ids.search}>Add an author</label>
      <input id={ids.search} type="search" value={query} autoComplete="off" aria-describedby={ids.hint} onChange={(event) => setQuery(event.target.value)} />
      <p className="hint" id={ids.hint}>
        Type a name; a writer not on the list can be added as a guest.
      </p>
      {matches.length > 0 ? (
        <ul className="byline-matches" aria-label="Matching contributors">
          {matches.map((contributor) => (
            <li key={contributor.id}>
              <button type="button" className="tool" aria-label={`Add ${contributor.name}`} onClick={() => choose(contributor)}>
                {contributor.name}
                {describe(contributor)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {wanted && !isKnown && !guest ? (
        <button type="button" onClick={() => setGuest({ name: query.trim(), affiliation: '' })}>
          Add “{query.trim()}” as a guest contributor
        </button>
      ) : null}
      {guest ? (
        <form className="guest-form" onSubmit={addGuest} aria-label="New guest contributor" noValidate>
          <label htmlFor={ids.guestName}>Guest’s name</label>
          <input
            id={ids.guestName}
            value={guest.name}
            required
            maxLength={120}
            aria-invalid={problem?.fieldErrors.name ? true : undefined}
            aria-describedby={problem ? ids.guestError : undefined}
            onChange={(event) => setGuest({ ...guest, name: event.target.value })}
          />
          <label htmlFor={ids.guestAffiliation}>Affiliation (optional)</label>
          <input
            id={ids.guestAffiliation}
            value={guest.affiliation}
            maxLength={160}
            placeholder="e.g. Arms Control Association"
            aria-invalid={problem?.fieldErrors.affiliation ? true : undefined}
            onChange={(event) => setGuest({ ...guest, affiliation: event.target.value })}
          />
          <div aria-live="polite" id={ids.guestError}>
            {problem ? (
              <p role="alert" className="field-error">
                {problem.fieldErrors.name ?? problem.fieldErrors.affiliation ?? problem.error}
              </p>
            ) : null}
          </div>
          {problem?.existing && !chosenIds.includes(problem.existing.id) ? (
            <button type="button" onClick={() => choose(problem.existing!)}>
              Add {problem.existing.name} to the byline instead
            </button>
          ) : null}
          <p className="hint">An editor reviews new guests; the byline shows the name at once.</p>
          <div className="guest-form-actions">
            <button type="submit" disabled={isSaving}>
              {isSaving ? 'Adding…' : 'Add guest'}
            </button>
            <button
              type="button"
              onClick={() => {
                setGuest(null);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function describe(contributor: BylineContributor): string {
  if (contributor.isStaff) return '';
  return contributor.isPending ? ' (guest, awaiting review)' : ' (guest)';
}

'use client';

import type { JSONContent } from '@tiptap/core';
import { useMemo, useState } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import { diffArticleVersions, type ArticleVersion, type WordPart } from '@/lib/articles/diff-article-versions';
import { chooseAll, mergeArticleVersions, type MergeChoices, type MergeSide } from '@/lib/articles/merge-article-versions';
import type { ServerCopy } from '@/lib/articles/save-article';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { inlineTokensText, type InlineToken } from '@/lib/content/inline-tokens';
import { timeAgo } from '@/lib/platform/time/time-ago';
import { ConflictChange } from './conflict-change';

type Props = {
  mine: ArticleDraft;
  theirs: ServerCopy;
  /** Saves the merged text on top of theirs; answers with a sentence to show when it could not. */
  onSaveMerged: (merged: ArticleVersion) => Promise<string | null>;
  onTakeTheirs: () => void;
};

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/** Both versions as a word diff with a choice per change; the merged text is shown before it is saved. */
export function ConflictDialog({ mine, theirs, onSaveMerged, onTakeTheirs }: Props) {
  const diff = useMemo(() => diffArticleVersions({ mine: { title: mine.title, dek: mine.dek, body: mine.body as JSONContent }, theirs }), [mine, theirs]);
  const [choices, setChoices] = useState<MergeChoices>(() => chooseAll({ diff, side: 'mine' }));
  const [saveError, setSaveError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const merged = useMemo(() => mergeArticleVersions({ diff, choices }), [diff, choices]);
  const [now] = useState(() => new Date());
  const numberOf = new Map(diff.changeIds.map((id, index) => [id, index + 1]));
  const choose = (id: string, side: MergeSide) => setChoices((current) => ({ ...current, [id]: side }));
  const change = (id: string, sides: { mine: string; theirs: string }, isBlock = false) => (
    <ConflictChange key={id} id={id} number={numberOf.get(id)!} total={diff.changeIds.length} {...sides} choice={choices[id] ?? 'mine'} isBlock={isBlock} onChoose={(side) => choose(id, side)} />
  );
  const words = <T,>(parts: WordPart<T>[], text: (items: T[]) => string) =>
    parts.map((part, index) => (part.kind === 'same' ? <span key={index}>{text(part.items)}</span> : change(part.id, { mine: text(part.mine), theirs: text(part.theirs) })));
  const isAllTheirs = diff.changeIds.length > 0 && diff.changeIds.every((id) => choices[id] === 'theirs');

  const save = async () => {
    if (!merged.ok) return;
    if (isAllTheirs) return onTakeTheirs();
    setIsSaving(true);
    setSaveError(await onSaveMerged({ title: merged.title, dek: merged.dek, body: merged.body }));
    setIsSaving(false);
  };

  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help">
      <h2 id="conflict-title">{heading(theirs)}</h2>
      <p id="conflict-help">
        {savedBy(theirs)} version {theirs.version} {timeAgo({ at: new Date(theirs.updatedAt), now })} ({timeFormat.format(new Date(theirs.updatedAt))}). Below,
        struck-through words are only in your version and underlined words only in theirs. Choose one side for each change, then save the result; your
        version stays in the history either way.
      </p>
      <p className="conflict-all">
        <button type="button" onClick={() => setChoices(chooseAll({ diff, side: 'mine' }))}>
          All mine
        </button>{' '}
        <button type="button" onClick={() => setChoices(chooseAll({ diff, side: 'theirs' }))}>
          All theirs
        </button>
      </p>
      <div className="conflict-diff" aria-label="Differences" role="region">
        {hasChange(diff.title) ? <p className="conflict-title">Title: {words(diff.title, joinWords)}</p> : null}
        {hasChange(diff.dek) ? <p>Dek: {words(diff.dek, joinWords)}</p> : null}
        {diff.body.map((part, index) => {
          if (part.kind === 'same') return null;
          if (part.kind === 'blocks') return change(part.id, { mine: blocksText(part.mine), theirs: blocksText(part.theirs) }, true);
          return <p key={index}>{words(part.parts, tokensText)}</p>;
        })}
        {diff.changeIds.length === 0 ? <p>The title, dek and text are the same in both versions; only other details differ.</p> : null}
      </div>
      <div className="conflict-result" aria-label="Merged result" role="region">
        <h3>Result</h3>
        {merged.ok ? (
          <>
            <p className="conflict-title">{merged.title}</p>
            {merged.dek ? <p>{merged.dek}</p> : null}
            {docToPlainText(merged.body)
              .split('\n\n')
              .map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
          </>
        ) : (
          <p role="alert">{merged.error}</p>
        )}
      </div>
      {saveError ? <p role="alert">{saveError}</p> : null}
      <button type="button" disabled={!merged.ok || isSaving} onClick={() => void save()}>
        {isSaving ? 'Saving…' : 'Save this text'}
      </button>
    </section>
  );
}

function heading(theirs: ServerCopy): string {
  if (theirs.isSameEditor) return 'An earlier save from this window reached the server first';
  if (theirs.isSameStaff) return 'You saved this article in your other tab or on another device';
  return `${theirs.updatedBy ?? 'Someone else'} saved this article while you were writing`;
}

function savedBy(theirs: ServerCopy): string {
  if (theirs.isSameStaff) return 'You saved';
  return `${theirs.updatedBy ?? 'Another staff member'} saved`;
}

function hasChange<T>(parts: WordPart<T>[]): boolean {
  return parts.some((part) => part.kind === 'change');
}

function joinWords(words: string[]): string {
  return words.join('');
}

function tokensText(tokens: InlineToken[]): string {
  return inlineTokensText(tokens);
}

function blocksText(blocks: JSONContent[]): string {
  return docToPlainText({ type: 'doc', content: blocks });
}

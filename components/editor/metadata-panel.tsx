'use client';

import { useId, useState } from 'react';
import type { ArticleDraft } from '@/lib/articles/article-draft-schema';
import type { AccessLevel } from '@/lib/articles/access-level';
import type { StaffRole } from '@/lib/staff/users/staff-roles';
import type { EditorOptions } from '@/lib/articles/get-article-for-edit';
import { can } from '@/lib/staff/auth/policy';
import { Field } from '@/components/ui/field';
import type { BylineContributor } from '@/lib/staff/users/byline-contributor';
import { BylinePicker } from './byline-picker';
import { Select } from '@/components/ui/select';

export type ArticleMeta = Omit<ArticleDraft, 'body'>;

/** The access level as the article was loaded; the panel sends one only when someone changes it. */
export type SavedAccess = { access: AccessLevel; accessTierIds: number[] };

type Props = {
  meta: ArticleMeta;
  savedAccess: SavedAccess;
  options: EditorOptions;
  images: { id: number; label: string }[];
  wordCount: number;
  fieldErrors: Record<string, string>;
  onChange: (changes: Partial<ArticleMeta>, options?: { isSlugEdit?: boolean }) => void;
  viewerRole: StaffRole;
};

const SEO_TITLE_LIMIT = 60;
const SEO_DESCRIPTION_LIMIT = 160;
const WORDS_PER_MINUTE = 230;

/** Everything about the article except its text: where it goes, who wrote it, how search engines see it. */
export function MetadataPanel({ meta, savedAccess, options, images, wordCount, fieldErrors, onChange, viewerRole }: Props) {
  const ids = {
    slug: useId(),
    section: useId(),
    issue: useId(),
    issueHint: useId(),
    featured: useId(),
    seoTitle: useId(),
    seoDescription: useId(),
  };
  // Guests added here are not in the options the page loaded with.
  const [addedGuests, setAddedGuests] = useState<BylineContributor[]>([]);
  const contributors = [...options.contributors, ...addedGuests.filter((guest) => !options.contributors.some((known) => known.id === guest.id))];
  const authorName = (id: number) => contributors.find((contributor) => contributor.id === id)?.name ?? `#${id}`;
  const moveAuthor = (index: number, offset: number) => {
    const next = [...meta.authorContributorIds];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved!);
    onChange({ authorContributorIds: next });
  };
  const canChooseIssue = can({ role: viewerRole, action: 'issue.manage' });
  return (
    <aside className="metadata-panel" aria-labelledby="article-details-title">
      <h2 id="article-details-title">Article details</h2>
      <p className="meta" data-testid="word-count">
        {wordCount.toLocaleString('en-GB')} words · {Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))} min read
      </p>

      <Field id={ids.slug} label="Slug" hint={`/articles/${meta.slug || '…'} — old slugs keep redirecting here.`} error={fieldErrors.slug}>
        {(control) => <input value={meta.slug} onChange={(event) => onChange({ slug: event.target.value }, { isSlugEdit: true })} {...control} />}
      </Field>

      <label htmlFor={ids.section}>Section</label>
      <Select
        id={ids.section}
        value={String(meta.sectionId ?? '')}
        emptyLabel="No section"
        options={options.sections.map((section) => ({ value: String(section.id), label: section.name }))}
        onChange={(value) => onChange({ sectionId: value ? Number(value) : null })}
      />

      <label htmlFor={ids.issue}>Issue</label>
      <Select
        id={ids.issue}
        value={String(meta.issueId ?? '')}
        disabled={!canChooseIssue}
        aria-describedby={canChooseIssue ? undefined : ids.issueHint}
        aria-invalid={fieldErrors.issueId ? true : undefined}
        emptyLabel="Not in an issue"
        options={options.issues.map((issue) => ({ value: String(issue.id), label: issue.title }))}
        onChange={(value) => onChange({ issueId: value ? Number(value) : null })}
      />
      {canChooseIssue ? null : (
        <p className="hint" id={ids.issueHint}>
          Editors choose the issue an article appears in.
        </p>
      )}
      {fieldErrors.issueId ? <p className="field-error">{fieldErrors.issueId}</p> : null}

      <AccessFieldset meta={meta} savedAccess={savedAccess} tiers={options.tiers} fieldErrors={fieldErrors} onChange={onChange} />

      <fieldset>
        <legend>Authors, in byline order</legend>
        <ol className="author-list">
          {meta.authorContributorIds.map((id, index) => (
            <li key={id}>
              <span>{authorName(id)}</span>
              <button type="button" className="tool" aria-label={`Move ${authorName(id)} up`} disabled={index === 0} onClick={() => moveAuthor(index, -1)}>
                ↑
              </button>
              <button type="button" className="tool" aria-label={`Move ${authorName(id)} down`} disabled={index === meta.authorContributorIds.length - 1} onClick={() => moveAuthor(index, 1)}>
                ↓
              </button>
              <button type="button" className="tool" aria-label={`Remove ${authorName(id)}`} onClick={() => onChange({ authorContributorIds: meta.authorContributorIds.filter((other) => other !== id) })}>
                ×
              </button>
            </li>
          ))}
        </ol>
        <BylinePicker
          contributors={contributors}
          chosenIds={meta.authorContributorIds}
          onChoose={(contributor) => {
            setAddedGuests((known) => (known.some((guest) => guest.id === contributor.id) ? known : [...known, contributor]));
            onChange({ authorContributorIds: [...meta.authorContributorIds, contributor.id] });
          }}
        />
      </fieldset>

      <label htmlFor={ids.featured}>Featured image</label>
      <Select
        id={ids.featured}
        value={String(meta.featuredMediaId ?? '')}
        emptyLabel="None"
        options={images.map((image) => ({ value: String(image.id), label: image.label }))}
        onChange={(value) => onChange({ featuredMediaId: value ? Number(value) : null })}
      />
      <p className="hint">Choose from the images in the article.</p>

      <label htmlFor={ids.seoTitle}>SEO title</label>
      <input id={ids.seoTitle} value={meta.seoTitle} maxLength={200} onChange={(event) => onChange({ seoTitle: event.target.value })} />
      <Counter length={meta.seoTitle.length} limit={SEO_TITLE_LIMIT} />

      <label htmlFor={ids.seoDescription}>SEO description</label>
      <textarea id={ids.seoDescription} value={meta.seoDescription} maxLength={500} rows={3} onChange={(event) => onChange({ seoDescription: event.target.value })} />
      <Counter length={meta.seoDescription.length} limit={SEO_DESCRIPTION_LIMIT} />
    </aside>
  );
}

const ACCESS_CHOICES: { value: AccessLevel; label: string }[] = [
  { value: 'public', label: 'Public: everyone' },
  { value: 'registered', label: 'Registered: any signed-in reader' },
  { value: 'members', label: 'Members: any current membership or institution' },
  { value: 'tiers', label: 'Chosen tiers only' },
];

/** Who may read the whole article; the rest see the part before the members' marker (or two paragraphs). */
function AccessFieldset({ meta, savedAccess, tiers, fieldErrors, onChange }: { meta: ArticleMeta; savedAccess: SavedAccess; tiers: { id: number; name: string }[]; fieldErrors: Record<string, string>; onChange: Props['onChange'] }) {
  // Left out of saves until changed here, so an editor open elsewhere never undoes the issue planner's default.
  const access = meta.access ?? savedAccess.access;
  const chosen = meta.access ? (meta.accessTierIds ?? []) : savedAccess.accessTierIds;
  const errorId = useId();
  const tierError = fieldErrors.accessTierIds ?? fieldErrors.access;
  return (
    <fieldset aria-describedby={tierError ? errorId : undefined}>
      <legend>Who may read the whole article</legend>
      {ACCESS_CHOICES.map((choice) => (
        <label key={choice.value} className="check">
          <input type="radio" name="article-access" value={choice.value} checked={access === choice.value} onChange={() => onChange({ access: choice.value, accessTierIds: choice.value === 'tiers' ? chosen : [] })} />
          {choice.label}
        </label>
      ))}
      {access === 'tiers' ? (
        tiers.length === 0 ? (
          <p className="hint">There are no membership tiers yet: an administrator adds them under Members.</p>
        ) : (
          <fieldset>
            <legend>Tiers</legend>
            {tiers.map((tier) => (
              <label key={tier.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(tier.id)}
                  onChange={(event) => onChange({ access: 'tiers', accessTierIds: event.target.checked ? [...chosen, tier.id] : chosen.filter((id) => id !== tier.id) })}
                />
                {tier.name}
              </label>
            ))}
          </fieldset>
        )
      ) : null}
      {access !== 'public' ? <p className="hint">Others see the title, dek, byline and the text before the “Members’ content starts here” marker (without one, the first two paragraphs).</p> : null}
      {tierError ? (
        <p className="field-error" id={errorId}>
          {tierError}
        </p>
      ) : null}
    </fieldset>
  );
}

function Counter({ length, limit }: { length: number; limit: number }) {
  const isOver = length > limit;
  return (
    <p className={isOver ? 'hint counter-over' : 'hint'}>
      {length} / {limit} characters{isOver ? ' — search engines will cut it short' : ''}
    </p>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { EntityMentionedIn } from '@/components/desk/entity-mentioned-in';
import { EntityMergePreview } from '@/components/desk/entity-merge-preview';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { can, ForbiddenError } from '@/lib/staff/auth/policy';
import { canApproveEntities } from '@/lib/entities/approve-entity';
import { toEntityFormValues } from '@/lib/entities/entity-form-values';
import { ENTITY_KIND_LABELS, entityPath } from '@/lib/entities/entity-path';
import { getEntityForEdit, type EditableEntity } from '@/lib/entities/get-entity-for-edit';
import { listEntities } from '@/lib/entities/list-entities';
import { previewMerge, type MergePreview } from '@/lib/entities/preview-merge';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { approveEntityAction, deleteEntityAction, updateEntityAction } from '../actions';
import { EntityForm } from '../entity-form.client';
import { EntityAliases } from './entity-aliases.client';
import { EntityButtonForm } from './entity-button-form.client';
import { MergeConfirmForm } from './merge-confirm-form.client';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Entity', robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; merged?: string; approved?: string; mergeQuery?: string; mergeInto?: string }>;
};

export default async function EntityPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const query = await searchParams;
  const staff = await requireStaff({ returnTo: `/desk/entities/${id}` });
  const entity = readOrNotFound(() => getEntityForEdit({ actor: staff, id: Number(id) }));
  if ('forbidden' in entity) return <DeskShell staff={staff}>{entity.forbidden}</DeskShell>;
  const kindLabel = ENTITY_KIND_LABELS[entity.kind].one;
  const canEdit = can({ role: staff.role, action: 'entity.edit' });
  const canMerge = can({ role: staff.role, action: 'entity.merge' });
  const canDelete = can({ role: staff.role, action: 'entity.delete' });
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href="/desk/entities">← All entities</Link>
      </p>
      <h1>{entity.name}</h1>
      <p className="meta">
        {kindLabel} · public address {entityPath(entity)}
        {entity.redirects.length > 0 ? ` · former addresses ${entity.redirects.map((redirect) => entityPath(redirect)).join(', ')}` : ''}
      </p>
      <div aria-live="polite">
        {query.created ? (
          <p role="status" className="notice">
            Created “{entity.name}”.
          </p>
        ) : null}
        {query.approved && !entity.isPending ? (
          <p role="status" className="notice">
            Approved “{entity.name}”; its public page is live.
          </p>
        ) : null}
        {query.merged ? (
          <p role="status" className="notice">
            Merged “{query.merged}” into “{entity.name}”.
          </p>
        ) : null}
      </div>
      {canEdit ? null : <p className="hint">Only editors can change, merge or delete entities; you can read this one and add new ones.</p>}

      {entity.isPending ? (
        <section aria-labelledby="approval-heading">
          <h2 id="approval-heading">Waiting for approval</h2>
          <p className="hint">
            An author added this {kindLabel.toLowerCase()}. Readers do not see its page, and published articles name it without a link, until an
            editor approves it{canMerge ? '; merge a duplicate into an existing entity, or delete one nobody needs' : ''}.
          </p>
          {canApproveEntities(staff.role) ? (
            <EntityButtonForm action={approveEntityAction} entityId={entity.id} label={`Approve “${entity.name}”`} busyLabel="Approving…" />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <EntityForm
          action={updateEntityAction}
          initial={toEntityFormValues(entity)}
          entityId={entity.id}
          submitLabel="Save changes"
          isReadOnly={!canEdit}
        />
      </section>

      <section aria-labelledby="aliases-heading">
        <h2 id="aliases-heading">Aliases</h2>
        <p className="hint">Other names the {kindLabel.toLowerCase()} goes by; suggestions match them as they match the name.</p>
        <EntityAliases entityId={entity.id} aliases={entity.aliases} canEdit={canEdit} />
      </section>

      <section aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">Mentioned in</h2>
        <EntityMentionedIn articles={entity.mentionedIn} hiddenCount={entity.hiddenArticleCount} />
      </section>

      {canMerge ? <MergeSection staff={staff} entity={entity} mergeQuery={query.mergeQuery ?? ''} mergeInto={query.mergeInto} /> : null}

      {canDelete ? (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <DeleteSection entity={entity} />
        </section>
      ) : null}
    </DeskShell>
  );
}

function MergeSection({ staff, entity, mergeQuery, mergeInto }: { staff: StaffIdentity; entity: EditableEntity; mergeQuery: string; mergeInto?: string }) {
  const kindLabel = ENTITY_KIND_LABELS[entity.kind].one.toLowerCase();
  const query = mergeQuery.trim().slice(0, 200);
  const candidates = query ? listEntities({ query, kind: entity.kind, pageSize: 11 }).rows.filter((row) => row.id !== entity.id).slice(0, 10) : [];
  const preview = mergeInto ? readPreview({ staff, sourceId: entity.id, targetId: Number(mergeInto) }) : null;
  return (
    <section aria-labelledby="merge-heading" id="merge">
      <h2 id="merge-heading">Merge into another {kindLabel}</h2>
      <p className="hint">
        For a duplicate: every tag, mention and alias of “{entity.name}” moves to the {kindLabel} you choose, its address leads there, and “
        {entity.name}” is deleted. You see what will change before confirming.
      </p>
      <form method="get" action={`/desk/entities/${entity.id}`} role="search" className="panel-actions align-end">
        <label className="filter-field">
          Find the {kindLabel} to keep
          <input type="search" name="mergeQuery" defaultValue={query} maxLength={200} />
        </label>
        <Button type="submit">Find</Button>
      </form>
      {query && candidates.length === 0 ? <p>No other {kindLabel} matches “{query}”.</p> : null}
      {candidates.length > 0 ? (
        <ul aria-label="Entities to merge into">
          {candidates.map((candidate) => (
            <li key={candidate.id}>
              <Link href={`/desk/entities/${entity.id}?mergeQuery=${encodeURIComponent(query)}&mergeInto=${candidate.id}#merge`}>
                Preview merging into {candidate.name}
              </Link>{' '}
              <span className="meta">
                {entityPath(candidate)} · {candidate.articleCount} {candidate.articleCount === 1 ? 'article' : 'articles'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {preview && !preview.ok ? (
        <p role="alert" className="form-error">
          {preview.error}
        </p>
      ) : null}
      {preview?.ok ? (
        <>
          <EntityMergePreview preview={preview} />
          <MergeConfirmForm sourceId={entity.id} targetId={preview.target.id} targetName={preview.target.name} />
        </>
      ) : null}
    </section>
  );
}

function DeleteSection({ entity }: { entity: EditableEntity }) {
  const referringArticles = entity.mentionedIn.length + entity.hiddenArticleCount;
  if (referringArticles === 0) return <EntityButtonForm action={deleteEntityAction} entityId={entity.id} label={`Delete “${entity.name}”`} busyLabel="Deleting…" />;
  const reason = `${referringArticles} ${referringArticles === 1 ? 'article mentions' : 'articles mention'} it; merge it into another entity instead.`;
  return (
    <>
      <Button disabled aria-describedby="delete-reason">
        Delete “{entity.name}”
      </Button>
      <p id="delete-reason" className="hint">
        {reason}
      </p>
    </>
  );
}

/** A target that vanished or may not be merged is a message in the merge section, not a broken page. */
function readPreview({ staff, sourceId, targetId }: { staff: StaffIdentity; sourceId: number; targetId: number }): MergePreview {
  try {
    return previewMerge({ actor: staff, sourceId, targetId });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, error: error.message };
    throw error;
  }
}

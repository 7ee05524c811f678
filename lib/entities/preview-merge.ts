import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, type EntityKind } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { planEntityMerge } from './plan-entity-merge';

export type MergeSide = { id: number; kind: EntityKind; name: string; slug: string };

export type MergePreview =
  | {
      ok: true;
      source: MergeSide;
      target: MergeSide;
      /** Every article tagged with or mentioning the source. */
      affectedArticles: { id: number; title: string }[];
      /** Aliases the target gains, the source's name among them. */
      aliasesMoved: string[];
      /** Texts (working copies and published versions) with a mention of the source to point at the target. */
      mentionsToRewrite: number;
    }
  | { ok: false; error: string };

/** What `mergeEntities` would do, changing nothing. Throws NotFound for a missing entity, Forbidden below editor. */
export function previewMerge({ actor, sourceId, targetId }: { actor: StaffIdentity; sourceId: number; targetId: number }): MergePreview {
  assertCan({ role: actor.role, action: 'entity.merge' });
  const db = getDb();
  const plan = db.transaction((tx) => planEntityMerge({ db: tx, sourceId, targetId }));
  if (!plan.ok) return plan;
  const { source, target, references } = plan;
  const affectedArticles =
    references.articleIds.length === 0
      ? []
      : db.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.id, references.articleIds)).orderBy(asc(articles.title)).all();
  return {
    ok: true,
    source: sideOf(source),
    target: sideOf(target),
    affectedArticles,
    aliasesMoved: [...plan.aliasesToMove.map((alias) => alias.alias), ...(plan.nameToKeepAsAlias ? [plan.nameToKeepAsAlias] : [])],
    mentionsToRewrite: references.workingCopyArticleIds.length + references.publishedRevisions.length,
  };
}

function sideOf(entity: MergeSide): MergeSide {
  return { id: entity.id, kind: entity.kind, name: entity.name, slug: entity.slug };
}

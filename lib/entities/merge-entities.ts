import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleEntities,
  articles,
  entities,
  entityAliases,
  entityIdRedirects,
  entityRedirects,
  publishedArticleEntities,
  revisions,
} from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { reindexArticlesOfEntity } from '@/lib/site/search/reindex-articles-of-entity';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import type { EntityWriteResult } from './entity-write-result';
import { invalidateKnownEntityIndex } from './known-entity-index';
import { planEntityMerge } from './plan-entity-merge';
import { rewriteEntityMentions } from './rewrite-entity-mentions';

export type MergeOutcome = {
  source: { id: number; slug: string; name: string };
  target: { id: number; slug: string; name: string };
  /** Every article that was tagged with or mentioned the source: their pages show the target now. */
  articleIds: number[];
  tagsMoved: number;
  /** Tags of published snapshots moved to the target, so entity pages change without a republish. */
  publishedTagsMoved: number;
  workingCopiesRewritten: number;
  publishedRevisionsRewritten: number;
  aliasesMoved: string[];
};

/**
 * Folds one entity into another of the same kind, all in one transaction: its tags, the mentions
 * in every working copy and published text, its aliases and name (as an alias), and its addresses
 * (as redirects) go to the target, and the source is deleted. Older revisions keep the old id as
 * history. Throws NotFound for a missing entity, Forbidden below editor.
 */
export function mergeEntities({ actor, sourceId, targetId }: { actor: StaffIdentity; sourceId: number; targetId: number }): EntityWriteResult<MergeOutcome> {
  assertCan({ role: actor.role, action: 'entity.merge' });
  const result = getDb().transaction((tx): EntityWriteResult<MergeOutcome> => {
    const plan = planEntityMerge({ db: tx, sourceId, targetId });
    if (!plan.ok) return plan;
    const { source, target, references } = plan;

    const tags = tx.select().from(articleEntities).where(eq(articleEntities.entityId, source.id)).all();
    for (const tag of tags) {
      const insert = tx.insert(articleEntities).values({ articleId: tag.articleId, entityId: target.id, source: tag.source });
      // A mention in the text says more than a hand-picked tag, so it wins when both exist.
      if (tag.source === 'mention') {
        insert.onConflictDoUpdate({ target: [articleEntities.articleId, articleEntities.entityId], set: { source: 'mention' } }).run();
      } else {
        insert.onConflictDoNothing().run();
      }
    }
    tx.delete(articleEntities).where(eq(articleEntities.entityId, source.id)).run();

    const publishedTags = tx.select().from(publishedArticleEntities).where(eq(publishedArticleEntities.entityId, source.id)).all();
    for (const tag of publishedTags) {
      tx.insert(publishedArticleEntities).values({ articleId: tag.articleId, entityId: target.id }).onConflictDoNothing().run();
    }
    tx.delete(publishedArticleEntities).where(eq(publishedArticleEntities.entityId, source.id)).run();

    let workingCopiesRewritten = 0;
    for (const articleId of references.workingCopyArticleIds) {
      const article = tx.select({ body: articles.body }).from(articles).where(eq(articles.id, articleId)).get();
      const rewritten = article && rewriteEntityMentions({ doc: article.body, fromId: source.id, toId: target.id });
      if (!rewritten || rewritten.count === 0) continue;
      tx.update(articles).set({ body: rewritten.doc }).where(eq(articles.id, articleId)).run();
      workingCopiesRewritten += 1;
    }
    let publishedRevisionsRewritten = 0;
    for (const { revisionId } of references.publishedRevisions) {
      const revision = tx.select({ body: revisions.body }).from(revisions).where(eq(revisions.id, revisionId)).get();
      const rewritten = revision && rewriteEntityMentions({ doc: revision.body, fromId: source.id, toId: target.id });
      if (!rewritten || rewritten.count === 0) continue;
      tx.update(revisions).set({ body: rewritten.doc }).where(eq(revisions.id, revisionId)).run();
      publishedRevisionsRewritten += 1;
    }

    for (const alias of plan.aliasesToMove) {
      tx.update(entityAliases).set({ entityId: target.id }).where(eq(entityAliases.id, alias.id)).run();
    }
    if (plan.nameToKeepAsAlias) {
      tx.insert(entityAliases).values({ entityId: target.id, alias: plan.nameToKeepAsAlias, normalized: normalizeAlias(plan.nameToKeepAsAlias) }).run();
    }

    tx.update(entityRedirects).set({ entityId: target.id }).where(eq(entityRedirects.entityId, source.id)).run();
    tx.insert(entityRedirects)
      .values({ kind: source.kind, slug: source.slug, entityId: target.id })
      .onConflictDoUpdate({ target: [entityRedirects.kind, entityRedirects.slug], set: { entityId: target.id } })
      .run();

    tx.update(entityIdRedirects).set({ entityId: target.id }).where(eq(entityIdRedirects.entityId, source.id)).run();
    tx.insert(entityIdRedirects).values({ oldId: source.id, entityId: target.id }).onConflictDoUpdate({ target: entityIdRedirects.oldId, set: { entityId: target.id } }).run();
    tx.delete(entities).where(eq(entities.id, source.id)).run();
    // An editor merging a public entity into a pending one keeps the public pages and follows alive.
    const status = source.status === 'approved' ? 'approved' : target.status;
    tx.update(entities).set({ status, updatedAt: new Date() }).where(eq(entities.id, target.id)).run();
    // The moved tags and aliases, and the source's name, now find these articles under the target.
    reindexArticlesOfEntity(tx, target.id);

    const aliasesMoved = [...plan.aliasesToMove.map((alias) => alias.alias), ...(plan.nameToKeepAsAlias ? [plan.nameToKeepAsAlias] : [])];
    const outcome = { tagsMoved: tags.length, publishedTagsMoved: publishedTags.length, workingCopiesRewritten, publishedRevisionsRewritten, aliasesMoved };
    recordAudit(tx, {
      actorId: actor.id,
      action: 'entity.merge',
      subjectType: 'entity',
      subjectId: target.id,
      note: `Merged “${source.name}” into “${target.name}”`,
      data: {
        source: { id: source.id, kind: source.kind, name: source.name, slug: source.slug },
        target: { id: target.id, kind: target.kind, name: target.name, slug: target.slug },
        articleIds: references.articleIds,
        ...outcome,
      },
    });
    return {
      ok: true,
      source: { id: source.id, slug: source.slug, name: source.name },
      target: { id: target.id, slug: target.slug, name: target.name },
      articleIds: references.articleIds, ...outcome };
  });
  if (result.ok) invalidateKnownEntityIndex();
  return result;
}

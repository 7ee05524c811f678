import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, entityAliases, entityRedirects, type ArticleStatus, type EntityFacts, type EntityKind } from '@/db/schema';
import { isOwnArticle } from '@/lib/articles/article-access';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { POLICY } from '@/lib/staff/auth/policy';
import { findEntityReferences, type EntityReferences } from './find-entity-references';
import { loadEntity } from './load-entity';

export type EntityMentioningArticle = {
  id: number;
  title: string;
  status: ArticleStatus;
  /** In `article_entities`, by mention or by hand. */
  isTagged: boolean;
  /** Its working copy or published text has a mention of the entity. */
  isMentionedInText: boolean;
};

export type EditableEntity = {
  id: number;
  kind: EntityKind;
  name: string;
  slug: string;
  description: string;
  facts: EntityFacts;
  wikidataId: string | null;
  /** Added by an author and not public until an editor approves it. */
  isPending: boolean;
  updatedAt: Date;
  aliases: { id: number; alias: string }[];
  /** Former addresses that now lead here. */
  redirects: { kind: EntityKind; slug: string }[];
  /** The articles that refer to it which the actor may open. */
  mentionedIn: EntityMentioningArticle[];
  /** Articles that refer to it but the actor may not see (other authors' drafts); they still block a delete. */
  hiddenArticleCount: number;
};

/** One entity with its aliases and the articles that refer to it; throws NotFound when it does not exist. */
export function getEntityForEdit({ actor, id }: { actor: StaffIdentity; id: number }): EditableEntity {
  const db = getDb();
  const entity = loadEntity({ db, id });
  const aliases = db
    .select({ id: entityAliases.id, alias: entityAliases.alias })
    .from(entityAliases)
    .where(eq(entityAliases.entityId, id))
    .orderBy(asc(entityAliases.alias))
    .all();
  const redirects = db
    .select({ kind: entityRedirects.kind, slug: entityRedirects.slug })
    .from(entityRedirects)
    .where(eq(entityRedirects.entityId, id))
    .orderBy(asc(entityRedirects.slug))
    .all();
  const references = findEntityReferences({ db, entityId: id });
  const tagged = new Set(references.taggedArticleIds);
  const rows =
    references.articleIds.length === 0
      ? []
      : db
          .select({ id: articles.id, title: articles.title, status: articles.status, createdBy: articles.createdBy })
          .from(articles)
          .where(inArray(articles.id, references.articleIds))
          .orderBy(asc(articles.title))
          .all();
  const visible = rows.filter((article) => canView({ actor, article }));
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    slug: entity.slug,
    description: entity.description,
    facts: entity.facts,
    wikidataId: entity.wikidataId,
    isPending: entity.status === 'pending',
    updatedAt: entity.updatedAt,
    aliases,
    redirects,
    mentionedIn: visible.map((article) => ({
      id: article.id,
      title: article.title,
      status: article.status,
      isTagged: tagged.has(article.id),
      isMentionedInText: isInText({ references, articleId: article.id }),
    })),
    hiddenArticleCount: rows.length - visible.length,
  };
}

function canView({ actor, article }: { actor: StaffIdentity; article: { id: number; createdBy: number | null } }): boolean {
  const scope = POLICY['article.view'][actor.role];
  if (scope === 'any') return true;
  return scope === 'own' && isOwnArticle({ article, actor });
}

function isInText({ references, articleId }: { references: EntityReferences; articleId: number }): boolean {
  return references.workingCopyArticleIds.includes(articleId) || references.publishedRevisions.some((revision) => revision.articleId === articleId);
}

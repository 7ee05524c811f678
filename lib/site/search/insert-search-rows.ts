import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { articles, contributors, entities, entityAliases, publishedArticleAuthors, publishedArticleEntities, revisions } from '@/db/schema';
import { isPublicArticle } from '@/lib/articles/is-public-article';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { publicPartOf } from '@/lib/content/public-part';
import { articleSearch } from './article-search-table';
import type { SearchIndexTx } from './search-index-tx';

/**
 * Writes index rows from the published snapshot (the published revision's text, the published byline,
 * the published tags with their names and aliases) for every public article, or just one. Articles that
 * are not public get no row. A gated article is indexed by its public part only, so no search finds or
 * quotes its members' part. The caller removes old rows first.
 */
export function insertSearchRows(tx: SearchIndexTx, { articleId }: { articleId?: number } = {}): void {
  const conditions: SQL[] = [isPublicArticle()];
  if (articleId !== undefined) conditions.push(eq(articles.id, articleId));
  insertRows(tx, { where: and(...conditions, eq(articles.publishedAccess, 'public'))!, body: sql`${revisions.bodyText}` });
  const gated = tx
    .select({ id: articles.id, body: revisions.body })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(...conditions, ne(articles.publishedAccess, 'public')))
    .all();
  for (const article of gated) {
    insertRows(tx, { where: eq(articles.id, article.id), body: sql`${docToPlainText(publicPartOf(article.body as JSONContent))}` });
  }
}

function insertRows(tx: SearchIndexTx, { where, body }: { where: SQL; body: SQL }): void {
  tx.insert(articleSearch)
    .select(
      tx
        .select({
          rowid: articles.id,
          title: withoutMarkers(sql`${revisions.title}`).as('title'),
          dek: withoutMarkers(sql`${revisions.dek}`).as('dek'),
          body: withoutMarkers(body).as('body'),
          authors: withoutMarkers(authorNames()).as('authors'),
          entities: withoutMarkers(entityNamesAndAliases()).as('entities'),
        })
        .from(articles)
        .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
        .where(where),
    )
    .run();
}

function authorNames(): SQL {
  return sql`(select group_concat(${contributors.name}, char(10)) from ${publishedArticleAuthors}
    inner join ${contributors} on ${contributors.id} = ${publishedArticleAuthors.contributorId}
    where ${publishedArticleAuthors.articleId} = ${articles.id})`;
}

/** Every name a tagged entity goes by, so a search for "IAEA" finds articles tagged International Atomic Energy Agency. */
function entityNamesAndAliases(): SQL {
  return sql`(select group_concat(term, char(10)) from (
    select ${entities.name} as term from ${publishedArticleEntities}
      inner join ${entities} on ${entities.id} = ${publishedArticleEntities.entityId}
      where ${publishedArticleEntities.articleId} = ${articles.id}
    union
    select ${entityAliases.alias} as term from ${publishedArticleEntities}
      inner join ${entityAliases} on ${entityAliases.entityId} = ${publishedArticleEntities.entityId}
      where ${publishedArticleEntities.articleId} = ${articles.id}
  ))`;
}

/** The two control characters that mark matches in snippets must never come from the text itself. */
function withoutMarkers(value: SQL): SQL<string> {
  return sql<string>`replace(replace(coalesce(${value}, ''), char(2), ''), char(3), '')`;
}

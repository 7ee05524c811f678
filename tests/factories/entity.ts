import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, entityAliases, revisions, type Entity, type EntityFacts, type EntityKind } from '@/db/schema';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { slugify } from '@/lib/content/text/slugify';

/** An entity written straight to the database, with its aliases. */
export function createTestEntity({
  kind = 'person' as EntityKind,
  name,
  slug = slugify(name),
  aliases = [] as string[],
  facts = {} as EntityFacts,
}: {
  kind?: EntityKind;
  name: string;
  slug?: string;
  aliases?: string[];
  facts?: EntityFacts;
}): Entity {
  const db = getDb();
  const entity = db.insert(entities).values({ kind, name, slug, facts }).returning().get();
  for (const alias of aliases) db.insert(entityAliases).values({ entityId: entity.id, alias, normalized: normalizeAlias(alias) }).run();
  return entity;
}

export function tagArticle({ articleId, entityId, source = 'manual' }: { articleId: number; entityId: number; source?: 'mention' | 'manual' }): void {
  getDb().insert(articleEntities).values({ articleId, entityId, source }).run();
}

export type TestMention = { entityId: number; kind: EntityKind; label: string };

/** A one-paragraph document: text, with each mention as an `entityMention` node between the pieces. */
export function docWithMentions(pieces: (string | TestMention)[]): JSONContent {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: pieces.map((piece) => (typeof piece === 'string' ? { type: 'text', text: piece } : { type: 'entityMention', attrs: { ...piece } })),
      },
    ],
  };
}

/** Replaces an article's working copy and, when it has one, its published revision's text. */
export function setArticleText({ articleId, body, isPublishedToo = true }: { articleId: number; body: JSONContent; isPublishedToo?: boolean }): void {
  const db = getDb();
  db.update(articles).set({ body }).where(eq(articles.id, articleId)).run();
  const publishedRevisionId = db.select({ id: articles.publishedRevisionId }).from(articles).where(eq(articles.id, articleId)).get()?.id;
  if (isPublishedToo && publishedRevisionId) db.update(revisions).set({ body }).where(eq(revisions.id, publishedRevisionId)).run();
}

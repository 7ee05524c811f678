import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db/client';
import { articleEntities, articles, auditLog, entities, entityAliases, entityRedirects, publishedArticleEntities, revisions } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { deleteEntity } from '@/lib/entities/delete-entity';
import { getKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { previewMerge } from '@/lib/entities/preview-merge';
import { resolveEntityRedirect } from '@/lib/entities/resolve-entity-redirect';
import { rewriteEntityMentions } from '@/lib/entities/rewrite-entity-mentions';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestArticle, refreshTestSnapshot } from '../factories/article';
import { createTestEntity, docWithMentions, setArticleText, tagArticle } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** Two records of one man, an article that tags and mentions the duplicate, and one that only tags it. */
function duplicatePeople() {
  const target = createTestEntity({ kind: 'person', name: 'Donald Tusk', aliases: ['Tusk'] });
  const source = createTestEntity({ kind: 'person', name: 'Donald Franciszek Tusk', aliases: ['Tusk', 'D. Tusk'] });
  getDb().insert(entityRedirects).values({ kind: 'person', slug: 'tusk-donald', entityId: source.id }).run();
  const mention = { entityId: source.id, kind: 'person' as const, label: 'D. Tusk' };

  const published = createTestArticle({ title: 'Tusk speaks' });
  setArticleText({ articleId: published.id, body: docWithMentions(['Prime Minister ', mention, ' spoke.']) });
  const olderBody = docWithMentions(['Draft: ', mention]);
  const older = getDb().insert(revisions).values({ articleId: published.id, version: 0, slug: published.slug, title: 'Old', body: olderBody, reason: 'save' }).returning().get();
  tagArticle({ articleId: published.id, entityId: source.id, source: 'mention' });
  tagArticle({ articleId: published.id, entityId: target.id, source: 'manual' });
  refreshTestSnapshot(published.id);

  const draft = createTestArticle({ title: 'Warsaw diary', status: 'draft' });
  tagArticle({ articleId: draft.id, entityId: source.id, source: 'manual' });
  return { target, source, published, draft, olderRevisionId: older.id, mention };
}

function mentionsIn(body: unknown): { entityId: number; label: string }[] {
  const found: { entityId: number; label: string }[] = [];
  JSON.stringify(body, (key, value) => {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'entityMention') found.push({ entityId: value.attrs.entityId, label: value.attrs.label });
    return value;
  });
  return found;
}

/** Everything a merge may touch, to compare before and after. */
function snapshot() {
  const db = getDb();
  return {
    entities: db.select().from(entities).orderBy(asc(entities.id)).all(),
    aliases: db.select().from(entityAliases).orderBy(asc(entityAliases.id)).all(),
    redirects: db.select().from(entityRedirects).orderBy(asc(entityRedirects.slug)).all(),
    tags: db.select().from(articleEntities).orderBy(asc(articleEntities.articleId), asc(articleEntities.entityId)).all(),
    bodies: db.select({ id: articles.id, body: articles.body }).from(articles).orderBy(asc(articles.id)).all(),
    revisionBodies: db.select({ id: revisions.id, body: revisions.body }).from(revisions).orderBy(asc(revisions.id)).all(),
    audit: db.select().from(auditLog).all(),
  };
}

describe('previewing a merge', () => {
  it('lists the affected articles, the aliases that move and the texts to rewrite, and changes nothing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const { target, source, published, draft } = duplicatePeople();
    const before = snapshot();
    const preview = previewMerge({ actor: editor, sourceId: source.id, targetId: target.id });
    expect(preview).toEqual({
      ok: true,
      source: { id: source.id, kind: 'person', name: 'Donald Franciszek Tusk', slug: 'donald-franciszek-tusk' },
      target: { id: target.id, kind: 'person', name: 'Donald Tusk', slug: 'donald-tusk' },
      affectedArticles: [
        { id: published.id, title: 'Tusk speaks' },
        { id: draft.id, title: 'Warsaw diary' },
      ],
      aliasesMoved: ['D. Tusk', 'Donald Franciszek Tusk'],
      mentionsToRewrite: 2,
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses merging an entity into itself or into another kind, and a missing one is not found', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const person = createTestEntity({ kind: 'person', name: 'Georgia Meloni' });
    const country = createTestEntity({ kind: 'country', name: 'Georgia' });
    expect(previewMerge({ actor: editor, sourceId: person.id, targetId: person.id })).toEqual({ ok: false, error: expect.stringContaining('into itself') });
    expect(mergeEntities({ actor: editor, sourceId: person.id, targetId: country.id })).toEqual({
      ok: false,
      error: 'Only entities of the same kind can be merged: “Georgia Meloni” is a person and “Georgia” a country.',
    });
    expect(() => mergeEntities({ actor: editor, sourceId: person.id, targetId: 9999 })).toThrow(NotFoundError);
    expect(getDb().select().from(entities).all()).toHaveLength(2);
  });
});

describe('merging', () => {
  it('moves tags, mentions, aliases and addresses to the target and deletes the source', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const { target, source, published, draft, olderRevisionId } = duplicatePeople();
    const targetUpdatedAt = target.updatedAt.getTime();
    getKnownEntityIndex();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const result = mergeEntities({ actor: editor, sourceId: source.id, targetId: target.id });

    expect(result).toEqual({
      ok: true,
      source: { id: source.id, slug: 'donald-franciszek-tusk', name: 'Donald Franciszek Tusk' },
      target: { id: target.id, slug: 'donald-tusk', name: 'Donald Tusk' },
      articleIds: [published.id, draft.id],
      tagsMoved: 2,
      publishedTagsMoved: 1,
      workingCopiesRewritten: 1,
      publishedRevisionsRewritten: 1,
      aliasesMoved: ['D. Tusk', 'Donald Franciszek Tusk'],
    });
    const db = getDb();
    expect(db.select().from(articleEntities).orderBy(asc(articleEntities.articleId)).all()).toEqual([
      { articleId: published.id, entityId: target.id, source: 'mention' },
      { articleId: draft.id, entityId: target.id, source: 'manual' },
    ]);
    // The published snapshot held both records; it keeps one tag, on the survivor.
    expect(db.select().from(publishedArticleEntities).all()).toEqual([{ articleId: published.id, entityId: target.id }]);
    const article = db.select().from(articles).where(eq(articles.id, published.id)).get()!;
    expect(mentionsIn(article.body)).toEqual([{ entityId: target.id, label: 'D. Tusk' }]);
    const publishedRevision = db.select().from(revisions).where(eq(revisions.id, article.publishedRevisionId!)).get()!;
    expect(mentionsIn(publishedRevision.body)).toEqual([{ entityId: target.id, label: 'D. Tusk' }]);
    const older = db.select().from(revisions).where(eq(revisions.id, olderRevisionId)).get()!;
    expect(mentionsIn(older.body)).toEqual([{ entityId: source.id, label: 'D. Tusk' }]);

    const targetAliases = db.select({ alias: entityAliases.alias }).from(entityAliases).where(eq(entityAliases.entityId, target.id)).all();
    expect(targetAliases.map((row) => row.alias).sort()).toEqual(['D. Tusk', 'Donald Franciszek Tusk', 'Tusk']);
    expect(resolveEntityRedirect({ kind: 'person', slug: 'donald-franciszek-tusk' })).toEqual({ kind: 'person', slug: 'donald-tusk' });
    expect(resolveEntityRedirect({ kind: 'person', slug: 'tusk-donald' })).toEqual({ kind: 'person', slug: 'donald-tusk' });

    expect(db.select().from(entities).where(eq(entities.id, source.id)).get()).toBeUndefined();
    expect(db.select().from(entities).where(eq(entities.id, target.id)).get()!.updatedAt.getTime()).toBeGreaterThan(targetUpdatedAt);
    expect(getKnownEntityIndex().entities.has(source.id)).toBe(false);
    expect(getKnownEntityIndex().matcher.match('Donald Franciszek Tusk said').map((match) => match.entityIds)).toEqual([[target.id]]);

    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, 'entity.merge'), eq(auditLog.subjectId, target.id))).get();
    expect(audit).toMatchObject({
      actorId: editor.id,
      note: 'Merged “Donald Franciszek Tusk” into “Donald Tusk”',
      data: { source: { id: source.id, name: 'Donald Franciszek Tusk' }, target: { id: target.id, name: 'Donald Tusk' }, tagsMoved: 2, workingCopiesRewritten: 1 },
    });
  });

  it('changes nothing at all when a late step fails', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const { target, source } = duplicatePeople();
    // Deleting the source is the last write but one: everything before it has run when this aborts.
    getSqlite().exec(`create trigger refuse_entity_delete before delete on entities begin select raise(abort, 'refused by the test'); end`);
    const before = snapshot();
    expect(() => mergeEntities({ actor: editor, sourceId: source.id, targetId: target.id })).toThrow('refused by the test');
    expect(snapshot()).toEqual(before);
  });

  it('is for editors: an author may neither preview nor merge', async () => {
    const author = await createTestStaff({ role: 'author' });
    const { target, source } = duplicatePeople();
    const before = snapshot();
    expect(() => previewMerge({ actor: author, sourceId: source.id, targetId: target.id })).toThrow(ForbiddenError);
    expect(() => mergeEntities({ actor: author, sourceId: source.id, targetId: target.id })).toThrow(ForbiddenError);
    expect(snapshot()).toEqual(before);
  });

  it('leaves a second attempt with nothing to merge', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const { target, source } = duplicatePeople();
    expect(mergeEntities({ actor: editor, sourceId: source.id, targetId: target.id }).ok).toBe(true);
    expect(() => mergeEntities({ actor: editor, sourceId: source.id, targetId: target.id })).toThrow(NotFoundError);
  });
});

describe('rewriting mentions', () => {
  it('touches only mentions of the one entity, not ids that merely start with the same digits', () => {
    const doc = docWithMentions([{ entityId: 1, kind: 'person', label: 'A' }, ' and ', { entityId: 12, kind: 'person', label: 'B' }]);
    const { doc: rewritten, count } = rewriteEntityMentions({ doc, fromId: 1, toId: 7 });
    expect(count).toBe(1);
    expect(mentionsIn(rewritten)).toEqual([
      { entityId: 7, label: 'A' },
      { entityId: 12, label: 'B' },
    ]);
    expect(rewriteEntityMentions({ doc, fromId: 3, toId: 7 }).doc).toBe(doc);
  });
});

describe('deleting', () => {
  it('refuses an entity an article is tagged with, pointing to a merge', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const { draft } = duplicatePeople();
    const lone = createTestEntity({ kind: 'topic', name: 'Demining' });
    tagArticle({ articleId: draft.id, entityId: lone.id });
    expect(deleteEntity({ actor: editor, id: lone.id })).toEqual({ ok: false, error: '1 article mentions it; merge it into another entity instead.', canMerge: true });
    expect(getDb().select().from(entities).where(eq(entities.id, lone.id)).get()).toBeDefined();
  });

  it('refuses an entity only mentioned in a working copy, without a tag', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const topic = createTestEntity({ kind: 'topic', name: 'Demining' });
    const first = createTestArticle({ status: 'draft' });
    const second = createTestArticle({ status: 'draft' });
    for (const article of [first, second]) {
      setArticleText({ articleId: article.id, body: docWithMentions(['On ', { entityId: topic.id, kind: 'topic', label: 'demining' }]) });
    }
    expect(deleteEntity({ actor: editor, id: topic.id })).toMatchObject({ ok: false, error: '2 articles mention it; merge it into another entity instead.' });
  });

  it('refuses an entity still tagged in a published snapshot after the working copy dropped the tag', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const topic = createTestEntity({ kind: 'topic', name: 'Demining' });
    const article = createTestArticle({ entityIds: [topic.id] });
    getDb().delete(articleEntities).where(eq(articleEntities.articleId, article.id)).run();
    expect(deleteEntity({ actor: editor, id: topic.id })).toEqual({ ok: false, error: '1 article mentions it; merge it into another entity instead.', canMerge: true });
    expect(getDb().select().from(entities).where(eq(entities.id, topic.id)).get()).toBeDefined();
  });

  it('deletes an entity nothing refers to, with its aliases, and records it', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const topic = createTestEntity({ kind: 'topic', name: 'Demining', aliases: ['Mine clearance'] });
    expect(deleteEntity({ actor: editor, id: topic.id })).toEqual({ ok: true, name: 'Demining' });
    const db = getDb();
    expect(db.select().from(entities).all()).toEqual([]);
    expect(db.select().from(entityAliases).all()).toEqual([]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'entity.delete')).get()).toMatchObject({ actorId: editor.id, subjectId: topic.id, note: 'Demining' });
    expect(() => deleteEntity({ actor: editor, id: topic.id })).toThrow(NotFoundError);
  });

  it('is for editors: an author may not delete', async () => {
    const author = await createTestStaff({ role: 'author' });
    const topic = createTestEntity({ kind: 'topic', name: 'Demining' });
    expect(() => deleteEntity({ actor: author, id: topic.id })).toThrow(ForbiddenError);
    expect(getDb().select().from(entities).all()).toHaveLength(1);
  });
});

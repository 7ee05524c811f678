import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { revisions } from '@/db/schema';
import { clearPublishedSnapshot } from '@/lib/articles/published-snapshot';
import { saveArticle } from '@/lib/articles/save-article';
import { setEmbargo } from '@/lib/articles/set-embargo';
import { transitionArticle } from '@/lib/articles/transition-article';
import { addAlias } from '@/lib/entities/add-alias';
import { mergeEntities } from '@/lib/entities/merge-entities';
import { removeAlias } from '@/lib/entities/remove-alias';
import { updateEntity } from '@/lib/entities/update-entity';
import { rebuildSearchIndex } from '@/lib/site/search/rebuild-search-index';
import { searchArticles } from '@/lib/site/search/search-articles';
import { instantToWallTime } from '@/lib/platform/time/zoned-time';
import { createTestArticle } from '../factories/article';
import { saveInput } from '../factories/draft';
import { createTestEntity, tagArticle } from '../factories/entity';
import { republishTestArticle } from '../factories/publication';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function idsFor(q: string): number[] {
  const outcome = searchArticles({ q });
  return outcome.status === 'searched' ? outcome.results.map((result) => result.id) : [];
}

function indexRows(): number {
  return getDb().get<{ rows: number }>(sql`select count(*) as rows from article_search`)!.rows;
}

describe('keeping the index in step with publication', () => {
  it('indexes an article when the workflow publishes it, and not before', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    expect(idsFor('verification regime')).toEqual([]);
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: true });
    expect(idsFor('verification regime')).toEqual([article.id]);
    expect(idsFor(author.name)).toEqual([article.id]);
  });

  it('never indexes an embargoed article, which cannot be published before the embargo lifts', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    const lifts = new Date(Date.now() + 48 * 3_600_000);
    expect(setEmbargo({ id: article.id, actor: editor, input: { until: instantToWallTime({ instant: lifts, timeZone: 'UTC' }) } }).ok).toBe(true);
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } }).ok).toBe(false);
    expect(idsFor('verification regime')).toEqual([]);
    expect(indexRows()).toBe(0);
  });

  it('takes an article out of search when it is unpublished', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'unpublish', note: 'Withdrawn' } })).toMatchObject({ ok: true, status: 'unpublished' });
    expect(idsFor('verification regime')).toEqual([]);
    expect(indexRows()).toBe(0);
  });

  it('removes the row inside the unpublishing transaction: a rollback keeps the article findable', () => {
    const article = createTestArticle({ title: 'Centrifuge cascades' });
    expect(() =>
      getDb().transaction((tx) => {
        clearPublishedSnapshot(tx, article.id);
        expect(tx.get<{ rows: number }>(sql`select count(*) as rows from article_search`)!.rows).toBe(0);
        throw new Error('the rest of the unpublishing step failed');
      }),
    ).toThrow('the rest of the unpublishing step failed');
    expect(idsFor('centrifuge')).toEqual([article.id]);
  });

  it('shows the new text after an update, and nothing of an unpublished edit before it', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    const saved = saveArticle({
      id: article.id,
      actor: editor,
      input: saveInput({ articleId: article.id, actor: editor, title: 'Tritium shortfall explained', text: 'Plutonium pits and tritium supply, sentence by sentence.' }),
    });
    expect(saved).toMatchObject({ ok: true });
    expect(idsFor('tritium')).toEqual([]);
    expect(idsFor('verification regime')).toEqual([article.id]);

    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'update' } })).toMatchObject({ ok: true });
    expect(idsFor('tritium')).toEqual([article.id]);
    expect(idsFor('verification regime')).toEqual([]);
  });

  it('holds one row per article however often it is republished', () => {
    const article = createTestArticle({ title: 'Stockpile stewardship' });
    republishTestArticle({ articleId: article.id });
    republishTestArticle({ articleId: article.id });
    expect(indexRows()).toBe(1);
  });
});

describe('keeping the index in step with entities', () => {
  it('finds tagged articles by an entity’s new name and new aliases, and no longer by a removed alias', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const treaty = createTestEntity({ kind: 'treaty', name: 'Mine Ban Treaty' });
    const article = createTestArticle({ title: 'Finland leaves', entityIds: [treaty.id] });
    expect(idsFor('Ottawa')).toEqual([]);

    const added = addAlias({ actor: editor, entityId: treaty.id, alias: 'Ottawa Convention' });
    expect(added).toMatchObject({ ok: true });
    expect(idsFor('Ottawa')).toEqual([article.id]);

    if (!added.ok) throw new Error('alias not added');
    removeAlias({ actor: editor, entityId: treaty.id, aliasId: added.id });
    expect(idsFor('Ottawa')).toEqual([]);

    const renamed = updateEntity({ actor: editor, id: treaty.id, input: { kind: 'treaty', name: 'Anti-Personnel Mine Ban Convention', slug: 'mine-ban-treaty', description: '', facts: {} } });
    expect(renamed).toMatchObject({ ok: true });
    expect(idsFor('anti-personnel')).toEqual([article.id]);
  });

  it('finds a merged entity’s articles under both names after a merge', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const survivor = createTestEntity({ kind: 'organization', name: 'Comprehensive Nuclear-Test-Ban Treaty Organization', aliases: ['CTBTO'] });
    const duplicate = createTestEntity({ kind: 'organization', name: 'Preparatory Commission' });
    const fromDuplicate = createTestArticle({ title: 'Seismic stations' });
    tagArticle({ articleId: fromDuplicate.id, entityId: duplicate.id });
    republishTestArticle({ articleId: fromDuplicate.id });
    expect(idsFor('CTBTO')).toEqual([]);
    expect(mergeEntities({ actor: editor, sourceId: duplicate.id, targetId: survivor.id })).toMatchObject({ ok: true });
    expect(idsFor('CTBTO')).toEqual([fromDuplicate.id]);
    expect(idsFor('"preparatory commission"')).toEqual([fromDuplicate.id]);
  });
});

describe('rebuilding the index', () => {
  it('writes one row per public article from its published snapshot', () => {
    const published = createTestArticle({ title: 'Hypersonic glide vehicles' });
    createTestArticle({ title: 'Hypersonic draft', status: 'draft' });
    getDb().update(revisions).set({ title: 'Hypersonic glide vehicles, revised' }).where(eq(revisions.articleId, published.id)).run();
    getDb().run(sql`delete from article_search`);
    expect(rebuildSearchIndex()).toBe(1);
    const outcome = searchArticles({ q: 'hypersonic' });
    expect(outcome.status === 'searched' && outcome.results.map((result) => result.title)).toEqual(['Hypersonic glide vehicles, revised']);
  });
});

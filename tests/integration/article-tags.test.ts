import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleEntities, entities, entityAliases } from '@/db/schema';
import { createArticle } from '@/lib/articles/create-article';
import { saveArticle } from '@/lib/articles/save-article';
import { searchEntitiesForPicker } from '@/lib/entities/search-entities-for-picker';
import { articleRow, saveInput } from '../factories/draft';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function entity(kind: 'country' | 'treaty' | 'person', name: string, aliases: string[] = [], facts = {}) {
  const row = getDb().insert(entities).values({ kind, name, slug: name.toLowerCase().replace(/\W+/g, '-'), facts }).returning().get();
  for (const alias of aliases) getDb().insert(entityAliases).values({ entityId: row.id, alias, normalized: alias.toLowerCase() }).run();
  return row.id;
}

const mentionDoc = (...ids: [number, string][]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: ids.flatMap(([entityId, label]) => [{ type: 'entityMention', attrs: { entityId, kind: 'country', label } }, { type: 'text', text: ' ' }]) }],
});

function tags(articleId: number) {
  return getDb().select({ entityId: articleEntities.entityId, source: articleEntities.source }).from(articleEntities).where(eq(articleEntities.articleId, articleId)).all();
}

describe("an article's tags", () => {
  it('are its mentions plus hand-added tags, recomputed on every save', async () => {
    const author = await createTestStaff();
    const russia = entity('country', 'Russia');
    const poland = entity('country', 'Poland');
    const treaty = entity('treaty', 'Mine Ban Treaty');
    const created = createArticle({ actor: author, title: 'Tags' });
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    expect(saveArticle({ id, actor: author, input: { ...saveInput({ articleId: id, actor: author, body: mentionDoc([russia, 'Russia'], [poland, 'Poland']) }), manualEntityIds: [treaty] } }).ok).toBe(true);
    expect(tags(id)).toEqual(expect.arrayContaining([{ entityId: russia, source: 'mention' }, { entityId: poland, source: 'mention' }, { entityId: treaty, source: 'manual' }]));
    expect(tags(id)).toHaveLength(3);

    // Poland's mention removed; manual tags not sent, so they stay.
    expect(saveArticle({ id, actor: author, input: saveInput({ articleId: id, actor: author, body: mentionDoc([russia, 'Russia']) }) }).ok).toBe(true);
    expect(tags(id)).toEqual(expect.arrayContaining([{ entityId: russia, source: 'mention' }, { entityId: treaty, source: 'manual' }]));
    expect(tags(id)).toHaveLength(2);

    // A hand tag for something also mentioned counts once, as a mention.
    expect(saveArticle({ id, actor: author, input: { ...saveInput({ articleId: id, actor: author }), manualEntityIds: [russia] } }).ok).toBe(true);
    expect(tags(id)).toEqual([{ entityId: russia, source: 'mention' }]);
  });

  it('refuse a mention of an entity that does not exist, naming its text, and change nothing', async () => {
    const author = await createTestStaff();
    const created = createArticle({ actor: author, title: 'Ghost tag' });
    if (!created.ok) throw new Error(created.error);
    const before = articleRow(created.id);
    const result = saveArticle({ id: created.id, actor: author, input: saveInput({ articleId: created.id, actor: author, body: mentionDoc([424242, 'Atlantis']) }) });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok) expect(result.error).toContain('"Atlantis" is tagged with an entity that no longer exists');
    expect(articleRow(created.id)).toEqual(before);
  });
});

describe('the entity picker', () => {
  it('finds entities by name or alias, exact and prefix matches first, with a telling detail', () => {
    entity('country', 'Georgia', [], { region: 'Asia', subregion: 'Western Asia' });
    entity('person', 'Georgia Smith', [], { role: 'Envoy' });
    entity('treaty', 'Mine Ban Treaty', ['ottawa convention'], { openedForSignature: '1997-12-03' });
    expect(searchEntitiesForPicker({ query: 'georgia' }).map((found) => [found.name, found.detail])).toEqual([
      ['Georgia', 'Country, Western Asia'],
      ['Georgia Smith', 'Person: Envoy'],
    ]);
    expect(searchEntitiesForPicker({ query: 'Ottawa' })).toMatchObject([{ name: 'Mine Ban Treaty', detail: 'Treaty, 1997' }]);
    expect(searchEntitiesForPicker({ query: '%' })).toEqual([]);
    expect(searchEntitiesForPicker({ query: '' })).toEqual([]);
  });
});

describe('saving after a merge', () => {
  it('points mentions of a merged-away entity at the survivor instead of refusing the save', async () => {
    const { mergeEntities } = await import('@/lib/entities/merge-entities');
    const editor = await createTestStaff({ role: 'editor' });
    const duplicate = entity('country', 'Russian Federation');
    const survivor = entity('country', 'Russia');
    const created = createArticle({ actor: editor, title: 'Open during a merge' });
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    // The writer's editor still holds the old id when the merge happens.
    const stale = saveInput({ articleId: id, actor: editor, body: mentionDoc([duplicate, 'Russian Federation']) });
    expect(mergeEntities({ actor: editor, sourceId: duplicate, targetId: survivor }).ok).toBe(true);
    const result = saveArticle({ id, actor: editor, input: stale });
    expect(result.ok).toBe(true);
    expect(tags(id)).toEqual([{ entityId: survivor, source: 'mention' }]);
    expect(JSON.stringify(articleRow(id).body)).toContain(`"entityId":${survivor}`);
  });
});

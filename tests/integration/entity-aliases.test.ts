import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { entities, entityAliases } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { addAlias } from '@/lib/entities/add-alias';
import { getKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { listEntities } from '@/lib/entities/list-entities';
import { removeAlias } from '@/lib/entities/remove-alias';
import { createTestArticle } from '../factories/article';
import { createTestEntity, tagArticle } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function aliasesOf(entityId: number): string[] {
  return getDb().select({ alias: entityAliases.alias }).from(entityAliases).where(eq(entityAliases.entityId, entityId)).orderBy(entityAliases.id).all().map((row) => row.alias);
}

describe('aliases', () => {
  it('adds an alias that suggestions then match, and bumps the entity', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const treaty = createTestEntity({ kind: 'treaty', name: 'Mine Ban Treaty' });
    const before = getDb().select().from(entities).where(eq(entities.id, treaty.id)).get()!.updatedAt.getTime();
    getKnownEntityIndex();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = addAlias({ actor: editor, entityId: treaty.id, alias: '  Ottawa   Convention ' });
    expect(result).toMatchObject({ ok: true, alias: 'Ottawa Convention', warning: null, alsoNames: [] });
    expect(aliasesOf(treaty.id)).toEqual(['Ottawa Convention']);
    expect(getDb().select().from(entities).where(eq(entities.id, treaty.id)).get()!.updatedAt.getTime()).toBeGreaterThan(before);
    expect(getKnownEntityIndex().matcher.match('Leaving the Ottawa Convention').map((match) => match.entityIds)).toEqual([[treaty.id]]);
  });

  it('refuses the same alias twice for one entity, however it is accented or cased, and the entity’s own name', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const person = createTestEntity({ kind: 'person', name: 'Andris Sprūds', aliases: ['Sprūds'] });
    expect(addAlias({ actor: editor, entityId: person.id, alias: 'SPRUDS' })).toEqual({
      ok: false,
      error: 'This entity already has the alias “Sprūds”.',
      fieldErrors: { alias: 'This entity already has the alias “Sprūds”.' },
    });
    expect(addAlias({ actor: editor, entityId: person.id, alias: 'andris spruds' })).toMatchObject({ ok: false, error: expect.stringContaining('already this entity’s name') });
    expect(addAlias({ actor: editor, entityId: person.id, alias: '   ' })).toMatchObject({ ok: false, error: 'Type the alias to add.' });
    expect(aliasesOf(person.id)).toEqual(['Sprūds']);
  });

  it('allows an alias another entity also goes by, with a warning naming it', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const country = createTestEntity({ kind: 'country', name: 'Georgia' });
    const topic = createTestEntity({ kind: 'topic', name: 'US states', aliases: ['Peach State'] });
    const result = addAlias({ actor: editor, entityId: topic.id, alias: 'Georgia' });
    expect(result).toMatchObject({ ok: true, alsoNames: [{ id: country.id, kind: 'country', name: 'Georgia' }] });
    if (result.ok) expect(result.warning).toBe('“Georgia” also names Georgia (country); suggestions for it will be ambiguous.');
    expect(aliasesOf(topic.id)).toEqual(['Peach State', 'Georgia']);
  });

  it('removes an alias, and removing it again changes nothing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const person = createTestEntity({ kind: 'person', name: 'Donald Tusk', aliases: ['Tusk', 'PM Tusk'] });
    const tuskAlias = getDb().select().from(entityAliases).where(eq(entityAliases.alias, 'Tusk')).get()!;
    expect(removeAlias({ actor: editor, entityId: person.id, aliasId: tuskAlias.id })).toEqual({ ok: true, alias: 'Tusk' });
    expect(removeAlias({ actor: editor, entityId: person.id, aliasId: tuskAlias.id })).toEqual({ ok: true, alias: null });
    expect(aliasesOf(person.id)).toEqual(['PM Tusk']);
  });

  it('cannot remove another entity’s alias through this one', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const one = createTestEntity({ kind: 'person', name: 'Donald Tusk' });
    const other = createTestEntity({ kind: 'person', name: 'Radosław Sikorski', aliases: ['Sikorski'] });
    const alias = getDb().select().from(entityAliases).where(eq(entityAliases.entityId, other.id)).get()!;
    expect(removeAlias({ actor: editor, entityId: one.id, aliasId: alias.id })).toEqual({ ok: true, alias: null });
    expect(aliasesOf(other.id)).toEqual(['Sikorski']);
  });

  it('is for editors: an author may not add or remove aliases', async () => {
    const author = await createTestStaff({ role: 'author' });
    const person = createTestEntity({ kind: 'person', name: 'Donald Tusk', aliases: ['Tusk'] });
    const alias = getDb().select().from(entityAliases).where(eq(entityAliases.entityId, person.id)).get()!;
    expect(() => addAlias({ actor: author, entityId: person.id, alias: 'Premier Tusk' })).toThrow(ForbiddenError);
    expect(() => removeAlias({ actor: author, entityId: person.id, aliasId: alias.id })).toThrow(ForbiddenError);
    expect(aliasesOf(person.id)).toEqual(['Tusk']);
  });
});

describe('listing entities', () => {
  it('finds an entity by an alias typed without its accents, and says which alias matched', () => {
    const spruds = createTestEntity({ kind: 'person', name: 'Andris Sprūds', aliases: ['Sprūds'] });
    createTestEntity({ kind: 'person', name: 'Donald Tusk' });
    const list = listEntities({ query: 'Spruds' });
    expect(list.rows.map((row) => [row.id, row.matchedAliases])).toEqual([[spruds.id, ['Sprūds']]]);
  });

  it('finds a name typed without accents, in any case, with hyphens or spaces', () => {
    const person = createTestEntity({ kind: 'person', name: 'Dovilė Šakalienė' });
    const place = createTestEntity({ kind: 'country', name: 'Guinea-Bissau' });
    expect(listEntities({ query: 'SAKALIENE' }).rows.map((row) => row.id)).toEqual([person.id]);
    expect(listEntities({ query: 'guinea bissau' }).rows.map((row) => row.id)).toEqual([place.id]);
  });

  it('takes LIKE wildcards in the query literally', () => {
    createTestEntity({ kind: 'topic', name: 'Nuclear tests' });
    expect(listEntities({ query: '%' }).rows).toEqual([]);
    expect(listEntities({ query: 'n_clear' }).rows).toEqual([]);
  });

  it('filters by kind, counts aliases and tagged articles, and pages in name order', () => {
    const georgiaCountry = createTestEntity({ kind: 'country', name: 'Georgia', aliases: ['Sakartvelo'] });
    createTestEntity({ kind: 'topic', name: 'Georgia' });
    const armenia = createTestEntity({ kind: 'country', name: 'Armenia' });
    createTestEntity({ kind: 'country', name: 'Azerbaijan' });
    const article = createTestArticle();
    tagArticle({ articleId: article.id, entityId: georgiaCountry.id });
    tagArticle({ articleId: createTestArticle().id, entityId: georgiaCountry.id, source: 'mention' });

    const georgia = listEntities({ query: 'georgia', kind: 'country' });
    expect(georgia.rows).toEqual([
      { id: georgiaCountry.id, kind: 'country', name: 'Georgia', slug: 'georgia', isPending: false, aliasCount: 1, articleCount: 2, matchedAliases: [] },
    ]);
    const firstPage = listEntities({ kind: 'country', pageSize: 2 });
    expect(firstPage).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(firstPage.rows.map((row) => row.name)).toEqual(['Armenia', 'Azerbaijan']);
    expect(listEntities({ kind: 'country', pageSize: 2, page: 2 }).rows.map((row) => row.name)).toEqual(['Georgia']);
    expect(listEntities({ kind: 'country', pageSize: 2, page: 99 }).page).toBe(2);
    expect(firstPage.rows[0]!.id).toBe(armenia.id);
  });
});

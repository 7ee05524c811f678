import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, entities, entityRedirects } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createEntity } from '@/lib/entities/create-entity';
import { getKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { resolveEntityRedirect } from '@/lib/entities/resolve-entity-redirect';
import { updateEntity } from '@/lib/entities/update-entity';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestEntity } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function entityRow(id: number) {
  return getDb().select().from(entities).where(eq(entities.id, id)).get();
}

describe('creating an entity', () => {
  it('stores a person with their facts and a slug made from the name, and records who did it', async () => {
    const author = await createTestStaff({ role: 'author' });
    const result = createEntity({
      actor: author,
      input: { kind: 'person', name: 'Andris Sprūds', slug: '', description: '', facts: { role: 'Minister of Defence of Latvia', country: 'lv', affiliation: '' } },
    });
    expect(result).toMatchObject({ ok: true, slug: 'andris-spruds' });
    if (!result.ok) return;
    expect(entityRow(result.id)).toMatchObject({ kind: 'person', name: 'Andris Sprūds', facts: { role: 'Minister of Defence of Latvia', country: 'LV' }, wikidataId: null });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'entity.create'), eq(auditLog.subjectId, result.id))).get();
    expect(audit?.actorId).toBe(author.id);
  });

  it('makes the new entity known to suggestions at once', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const before = getKnownEntityIndex();
    const result = createEntity({ actor: editor, input: { kind: 'topic', name: 'Landmines' } });
    if (!result.ok) throw new Error(result.error);
    expect(getKnownEntityIndex().version).not.toBe(before.version);
    expect(getKnownEntityIndex().entities.get(result.id)?.name).toBe('Landmines');
  });

  it('names each bad field', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const result = createEntity({
      actor: editor,
      input: {
        kind: 'treaty',
        name: '  ',
        slug: 'Not A Slug',
        wikidataId: 'P31',
        facts: { entryIntoForce: '1999-02-30', statesParties: '-3', openedForSignature: '1997-12-03' },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      name: 'Give the entity a name.',
      slug: expect.stringContaining('lower-case letters'),
      wikidataId: expect.stringContaining('Q7184'),
    });
    const facts = createEntity({ actor: editor, input: { kind: 'treaty', name: 'Test Treaty', facts: { entryIntoForce: '1999-02-30', statesParties: '-3' } } });
    expect(facts).toMatchObject({
      ok: false,
      fieldErrors: { 'facts.entryIntoForce': 'Use a real date written as YYYY-MM-DD.', 'facts.statesParties': 'Use a whole number, 0 or more.' },
    });
  });

  it('refuses facts the kind does not have', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const result = createEntity({ actor: editor, input: { kind: 'topic', name: 'Verification', facts: { iso2: 'PL' } } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { facts: 'A topic has no fact called "iso2".' } });
    expect(getDb().select().from(entities).all()).toHaveLength(0);
  });

  it('refuses a slug another entity of the same kind has, and allows it for another kind', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createTestEntity({ kind: 'country', name: 'Georgia' });
    const sameKind = createEntity({ actor: editor, input: { kind: 'country', name: 'Georgia' } });
    expect(sameKind).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringContaining('/countries/georgia') } });
    expect(createEntity({ actor: editor, input: { kind: 'topic', name: 'Georgia' } })).toMatchObject({ ok: true, slug: 'georgia' });
  });

  it('refuses a slug that is still the former address of another entity', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const tusk = createTestEntity({ kind: 'person', name: 'Donald Tusk' });
    getDb().insert(entityRedirects).values({ kind: 'person', slug: 'tusk', entityId: tusk.id }).run();
    const result = createEntity({ actor: editor, input: { kind: 'person', name: 'Tusk' } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringContaining('now leads to “Donald Tusk”') } });
  });
});

describe('updating an entity', () => {
  it('saves the new values, bumps updated_at and leaves the old slug as a redirect', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const entity = createTestEntity({ kind: 'organization', name: 'Intl Atomic Energy Agency', slug: 'intl-atomic-energy-agency' });
    const before = entityRow(entity.id)!.updatedAt.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = updateEntity({
      actor: editor,
      id: entity.id,
      input: { kind: 'organization', name: 'International Atomic Energy Agency', slug: 'iaea', facts: { acronym: 'IAEA', founded: '1957' }, wikidataId: 'Q25384' },
    });
    expect(result).toEqual({ ok: true, slug: 'iaea' });
    const row = entityRow(entity.id)!;
    expect(row).toMatchObject({ name: 'International Atomic Energy Agency', slug: 'iaea', facts: { acronym: 'IAEA', founded: 1957 }, wikidataId: 'Q25384' });
    expect(row.updatedAt.getTime()).toBeGreaterThan(before);
    expect(resolveEntityRedirect({ kind: 'organization', slug: 'intl-atomic-energy-agency' })).toEqual({ kind: 'organization', slug: 'iaea' });
    expect(resolveEntityRedirect({ kind: 'organization', slug: 'never-was' })).toBeNull();
  });

  it('can take back its own former slug, which then stops being a redirect', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const entity = createTestEntity({ kind: 'topic', name: 'Arms control' });
    const save = (slug: string) => updateEntity({ actor: editor, id: entity.id, input: { kind: 'topic', name: 'Arms control', slug } });
    expect(save('arms-control-policy').ok).toBe(true);
    expect(save('arms-control').ok).toBe(true);
    expect(resolveEntityRedirect({ kind: 'topic', slug: 'arms-control' })).toBeNull();
    expect(resolveEntityRedirect({ kind: 'topic', slug: 'arms-control-policy' })).toEqual({ kind: 'topic', slug: 'arms-control' });
  });

  it('refuses a slug another entity of the kind has, and a change of kind', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createTestEntity({ kind: 'person', name: 'Donald Tusk' });
    const other = createTestEntity({ kind: 'person', name: 'D. Tusk' });
    expect(updateEntity({ actor: editor, id: other.id, input: { kind: 'person', name: 'D. Tusk', slug: 'donald-tusk' } })).toMatchObject({
      ok: false,
      fieldErrors: { slug: expect.stringContaining('“Donald Tusk”') },
    });
    expect(updateEntity({ actor: editor, id: other.id, input: { kind: 'organization', name: 'D. Tusk' } })).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.stringContaining('cannot change') },
    });
    expect(entityRow(other.id)).toMatchObject({ kind: 'person', slug: 'd-tusk' });
  });

  it('is for editors: an author is forbidden, and a missing entity is not found', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const entity = createTestEntity({ kind: 'topic', name: 'Cluster munitions' });
    expect(() => updateEntity({ actor: author, id: entity.id, input: { kind: 'topic', name: 'Renamed' } })).toThrow(ForbiddenError);
    expect(entityRow(entity.id)?.name).toBe('Cluster munitions');
    expect(() => updateEntity({ actor: editor, id: 9999, input: { kind: 'topic', name: 'Renamed' } })).toThrow(NotFoundError);
  });
});

import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { entities, entityAliases, type EntityKind } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getKnownEntityIndex, invalidateKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { MAX_SUGGEST_TEXT_CHARS, suggestEntities, suggestKnownEntities } from '@/lib/entities/suggest-entities';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { slugify } from '@/lib/content/text/slugify';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

const signedIn = vi.hoisted(() => ({ staff: null as StaffIdentity | null }));
vi.mock('@/lib/staff/auth/current-staff', () => ({
  getCurrentStaff: async () => signedIn.staff,
  requireStaff: async () => {
    if (!signedIn.staff) throw new Error('not signed in');
    return signedIn.staff;
  },
}));

withTempDatabase();

beforeEach(() => {
  signedIn.staff = null;
  invalidateKnownEntityIndex();
});

function addEntity({ kind, name, aliases = [] }: { kind: EntityKind; name: string; aliases?: string[] }): number {
  const db = getDb();
  const id = db.insert(entities).values({ kind, name, slug: slugify(name) }).returning({ id: entities.id }).get().id;
  for (const alias of aliases) addAlias({ entityId: id, alias });
  return id;
}

function addAlias({ entityId, alias }: { entityId: number; alias: string }): void {
  getDb().insert(entityAliases).values({ entityId, alias, normalized: normalizeAlias(alias) }).run();
}

const ARTICLE =
  "Russia's withdrawal worried NATO. The Mine Ban Treaty lost Poland; Russia said nothing, and RUSSIA’s allies agreed. " +
  'Prime Minister Donald Tusk and Foreign Minister Radosław Sikorski defended the Ottawa Convention exit.';

describe('suggestEntities', () => {
  it('groups known mentions by entity with their count, forms as written and first position, in text order', () => {
    const russia = addEntity({ kind: 'country', name: 'Russia', aliases: ['Russian Federation'] });
    const nato = addEntity({ kind: 'organization', name: 'North Atlantic Treaty Organization', aliases: ['NATO'] });
    const mineBan = addEntity({ kind: 'treaty', name: 'Mine Ban Treaty', aliases: ['Ottawa Convention'] });
    const tusk = addEntity({ kind: 'person', name: 'Donald Tusk', aliases: ['Tusk'] });
    addEntity({ kind: 'country', name: 'Lithuania' });

    const { known } = suggestEntities({ text: ARTICLE });

    expect(known).toEqual([
      { id: russia, kind: 'country', name: 'Russia', slug: 'russia', count: 3, firstIndex: 0, matched: ["Russia's", 'Russia', 'RUSSIA’s'], isAmbiguous: false },
      { id: nato, kind: 'organization', name: 'North Atlantic Treaty Organization', slug: 'north-atlantic-treaty-organization', count: 1, firstIndex: ARTICLE.indexOf('NATO'), matched: ['NATO'], isAmbiguous: false },
      { id: mineBan, kind: 'treaty', name: 'Mine Ban Treaty', slug: 'mine-ban-treaty', count: 2, firstIndex: ARTICLE.indexOf('Mine Ban'), matched: ['Mine Ban Treaty', 'Ottawa Convention'], isAmbiguous: false },
      { id: tusk, kind: 'person', name: 'Donald Tusk', slug: 'donald-tusk', count: 1, firstIndex: ARTICLE.indexOf('Donald Tusk'), matched: ['Donald Tusk'], isAmbiguous: false },
    ]);
  });

  it('proposes unknown people and organizations, but not names the knowledge base already has', () => {
    addEntity({ kind: 'person', name: 'Donald Tusk' });
    addEntity({ kind: 'organization', name: 'North Atlantic Treaty Organization', aliases: ['NATO'] });
    const { candidates } = suggestEntities({ text: ARTICLE });
    expect(candidates).toEqual([
      {
        name: 'Radosław Sikorski',
        kind: 'person',
        role: 'Foreign Minister',
        context: 'Prime Minister Donald Tusk and Foreign Minister Radosław Sikorski defended the Ottawa Convention exit.',
      },
    ]);
  });

  it('offers every entity that shares an ambiguous alias, marked as ambiguous', () => {
    const country = addEntity({ kind: 'country', name: 'Georgia' });
    const state = addEntity({ kind: 'topic', name: 'Georgia (U.S. state)', aliases: ['Georgia'] });
    const { known } = suggestEntities({ text: 'Georgia voted. Georgia (U.S. state) did not.' });
    expect(known.map(({ id, count, isAmbiguous }) => ({ id, count, isAmbiguous }))).toEqual([
      { id: country, count: 1, isAmbiguous: true },
      { id: state, count: 2, isAmbiguous: false },
    ]);
  });

  it('matches an acronym that is an everyday word only in capitals, other acronyms in any case', () => {
    addEntity({ kind: 'treaty', name: 'Strategic Offensive Reductions Treaty', aliases: ['SORT'] });
    addEntity({ kind: 'treaty', name: 'Treaty on the Non-Proliferation of Nuclear Weapons', aliases: ['NPT'] });
    addEntity({ kind: 'organization', name: 'United Nations', aliases: ['UN'] });
    const known = suggestKnownEntities({ text: 'That sort of npt review; SORT lapsed; un-American views at the UN.' });
    expect(known.map(({ name, matched }) => ({ name, matched }))).toEqual([
      { name: 'Treaty on the Non-Proliferation of Nuclear Weapons', matched: ['npt'] },
      { name: 'Strategic Offensive Reductions Treaty', matched: ['SORT'] },
      { name: 'United Nations', matched: ['UN'] },
    ]);
  });

  it('returns empty lists for a text that mentions nothing', () => {
    addEntity({ kind: 'country', name: 'Russia' });
    expect(suggestEntities({ text: 'nothing to see here.' })).toEqual({ known: [], candidates: [] });
  });

  it('refuses a text over the limit', () => {
    expect(() => suggestEntities({ text: 'a'.repeat(MAX_SUGGEST_TEXT_CHARS + 1) })).toThrow(RangeError);
  });
});

describe('the known-entity index', () => {
  it('is compiled once per knowledge-base version, not once per request', () => {
    addEntity({ kind: 'country', name: 'Russia' });
    const first = getKnownEntityIndex();
    expect(getKnownEntityIndex()).toBe(first);
    suggestKnownEntities({ text: 'Russia' });
    expect(getKnownEntityIndex()).toBe(first);
  });

  it('recompiles at once when an alias is added, even within the same millisecond', () => {
    const russia = addEntity({ kind: 'country', name: 'Russia' });
    expect(suggestKnownEntities({ text: 'the Russian Federation' })).toEqual([]);
    const before = getKnownEntityIndex();
    addAlias({ entityId: russia, alias: 'Russian Federation' });
    expect(suggestKnownEntities({ text: 'the Russian Federation' }).map((entity) => entity.matched)).toEqual([['Russian Federation']]);
    expect(getKnownEntityIndex()).not.toBe(before);
  });

  it('recompiles when an alias is removed and another added in its place', () => {
    const russia = addEntity({ kind: 'country', name: 'Russia', aliases: ['Muscovy'] });
    expect(suggestKnownEntities({ text: 'Muscovy' })).toHaveLength(1);
    getDb().delete(entityAliases).where(eq(entityAliases.alias, 'Muscovy')).run();
    addAlias({ entityId: russia, alias: 'Rossiya' });
    expect(suggestKnownEntities({ text: 'Muscovy and Rossiya' }).map((entity) => entity.matched)).toEqual([['Rossiya']]);
  });

  it('recompiles when an entity is renamed with its update time', () => {
    const id = addEntity({ kind: 'country', name: 'Turkey' });
    expect(suggestKnownEntities({ text: 'Türkiye' })).toEqual([]);
    getDb().update(entities).set({ name: 'Türkiye', updatedAt: new Date(Date.now() + 1000) }).where(eq(entities.id, id)).run();
    expect(suggestKnownEntities({ text: 'Turkiye' }).map((entity) => entity.name)).toEqual(['Türkiye']);
  });

  it('picks up an in-place alias edit once invalidated', () => {
    const russia = addEntity({ kind: 'country', name: 'Russia', aliases: ['Muscovy'] });
    suggestKnownEntities({ text: 'Muscovy' });
    getDb().update(entityAliases).set({ alias: 'Rus', normalized: 'rus' }).where(eq(entityAliases.entityId, russia)).run();
    invalidateKnownEntityIndex();
    expect(suggestKnownEntities({ text: 'Muscovy and Rus' }).map((entity) => entity.matched)).toEqual([['Rus']]);
  });
});

describe('POST /api/desk/entities/suggest', () => {
  function post(body: string) {
    return import('@/app/api/desk/entities/suggest/route').then(({ POST }) =>
      POST(new Request('http://test/api/desk/entities/suggest', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })),
    );
  }

  it('answers 401 to anyone not signed in', async () => {
    const response = await post(JSON.stringify({ text: 'Russia' }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false });
  });

  it('answers suggestions to a signed-in staff member', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const russia = addEntity({ kind: 'country', name: 'Russia' });
    const response = await post(JSON.stringify({ text: "Russia's envoy met Foreign Minister Radosław Sikorski." }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      known: [{ id: russia, kind: 'country', name: 'Russia', slug: 'russia', count: 1, firstIndex: 0, matched: ["Russia's"], isAmbiguous: false }],
      candidates: [
        { name: 'Radosław Sikorski', kind: 'person', role: 'Foreign Minister', context: "Russia's envoy met Foreign Minister Radosław Sikorski." },
      ],
    });
  });

  it('answers 400 with a sentence for a missing, non-string, empty or huge text, and for a body that is not JSON', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const cases: [string, RegExp][] = [
      ['{}', /"text"/],
      [JSON.stringify({ text: 42 }), /"text"/],
      [JSON.stringify({ text: '  \n ' }), /no text/],
      ['"just a string"', /JSON object/],
      ['not json', /not valid JSON/],
      [JSON.stringify({ text: 'word '.repeat(MAX_SUGGEST_TEXT_CHARS / 5 + 1) }), /longer than 200,000 characters/],
      [JSON.stringify({ text: 'ż'.repeat(MAX_SUGGEST_TEXT_CHARS * 2) }), /longer than 200,000 characters/],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect(response.status, body.slice(0, 40)).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
  });

  it('accepts a text at the limit written in letters that take two bytes each', async () => {
    signedIn.staff = await createTestStaff({ role: 'author' });
    const response = await post(JSON.stringify({ text: 'ż'.repeat(MAX_SUGGEST_TEXT_CHARS) }));
    expect(response.status).toBe(200);
  });
});

import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { EntityFacts, EntityKind } from '@/db/schema';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';

export type PickerEntity = { id: number; kind: EntityKind; name: string; slug: string; detail: string };

/**
 * Entities whose name or an alias contains the query (accents and case ignored), best first:
 * exact names, then names that start with it, then the rest. Each carries one fact that tells
 * apart entities with similar names.
 */
export function searchEntitiesForPicker({ query, limit = 10 }: { query: string; limit?: number }): PickerEntity[] {
  const normalized = normalizeAlias(query).slice(0, 100);
  if (normalized.length < 1) return [];
  const escaped = normalized.replace(/[\\%_]/g, (character) => `\\${character}`);
  const contains = `%${escaped}%`;
  const prefix = `${escaped}%`;
  const rows = getDb().all<{ id: number; kind: EntityKind; name: string; slug: string; facts: string; rank: number }>(sql`
    with candidates as (
      select entity_id as id, normalized as text from entity_aliases where normalized like ${contains} escape '\\'
      union all
      select id, lower(name) as text from entities where lower(name) like ${contains} escape '\\'
    )
    select e.id, e.kind, e.name, e.slug, e.facts,
      min(case when c.text = ${normalized} then 0 when c.text like ${prefix} escape '\\' then 1 else 2 end) as rank
    from candidates c join entities e on e.id = c.id
    group by e.id
    order by rank, length(e.name), e.name
    limit ${limit}
  `);
  return rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, slug: row.slug, detail: describeEntity(row.kind, parseFacts(row.facts)) }));
}

function parseFacts(raw: string): EntityFacts {
  try {
    return JSON.parse(raw) as EntityFacts;
  } catch {
    return {};
  }
}

function describeEntity(kind: EntityKind, facts: EntityFacts): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  switch (kind) {
    case 'country':
      return ['Country', text(facts.subregion) || text(facts.region)].filter(Boolean).join(', ');
    case 'treaty':
      return ['Treaty', text(facts.openedForSignature).slice(0, 4)].filter(Boolean).join(', ');
    case 'person':
      return ['Person', [text(facts.role), text(facts.affiliation)].filter(Boolean).join(', ')].filter(Boolean).join(': ');
    case 'organization':
      return ['Organization', text(facts.acronym)].filter(Boolean).join(', ');
    case 'topic':
      return 'Topic';
  }
}

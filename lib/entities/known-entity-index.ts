import 'server-only';
import { createRequire } from 'node:module';
import { count, max } from 'drizzle-orm';
import { getDb, getSqlite } from '@/db/client';
import { entities, entityAliases, type EntityKind } from '@/db/schema';
import { compileAliasMatcher, type AliasEntry, type AliasMatcher } from './alias-matcher';

export type KnownEntity = { id: number; kind: EntityKind; name: string; slug: string };

export type KnownEntityIndex = {
  /** Changes whenever an entity or alias is added or removed, or an entity's `updated_at` moves. */
  version: string;
  matcher: AliasMatcher;
  entities: Map<number, KnownEntity>;
};

/**
 * Every entity name and alias compiled into one matcher, rebuilt only when the knowledge base has
 * changed. While the database has not been written to at all, the check costs two O(1) reads;
 * after any write, one aggregate query over entities and aliases decides whether to recompile.
 */
export function getKnownEntityIndex(): KnownEntityIndex {
  const connection = getSqlite();
  const writeStamp = readWriteStamp(connection);
  if (cached && cached.connection === connection && cached.writeStamp === writeStamp) return cached.index;
  // One read transaction, so the version read describes exactly the rows compiled under it.
  return connection.transaction(() => {
    const version = readKnowledgeBaseVersion();
    const index = cached && cached.connection === connection && cached.index.version === version ? cached.index : compileIndex(version);
    cached = { connection, writeStamp, index };
    return index;
  })();
}

/** For writers that edit an alias in place, which the version cannot see. */
export function invalidateKnownEntityIndex(): void {
  cached = null;
}

type Connection = ReturnType<typeof getSqlite>;

let cached: { connection: Connection; writeStamp: string; index: KnownEntityIndex } | null = null;

/**
 * Moves with every commit by another connection (`data_version`) and every row this connection
 * changes (`total_changes()`), in any table: a cheap "has anything been written since?".
 */
function readWriteStamp(connection: Connection): string {
  const dataVersion = connection.pragma('data_version', { simple: true });
  const ownChanges = connection.prepare('select total_changes()').pluck().get();
  return `${dataVersion}:${ownChanges}`;
}

// Counts and highest ids catch an insert or delete even within the same millisecond.
function readKnowledgeBaseVersion(): string {
  const db = getDb();
  const entityStats = db
    .select({ count: count(), maxId: max(entities.id), maxUpdatedAt: max(entities.updatedAt) })
    .from(entities)
    .get();
  const aliasStats = db.select({ count: count(), maxId: max(entityAliases.id) }).from(entityAliases).get();
  return [
    entityStats?.count ?? 0,
    entityStats?.maxId ?? 0,
    entityStats?.maxUpdatedAt?.getTime() ?? 0,
    aliasStats?.count ?? 0,
    aliasStats?.maxId ?? 0,
  ].join(':');
}

function compileIndex(version: string): KnownEntityIndex {
  const db = getDb();
  const entityRows = db
    .select({ id: entities.id, kind: entities.kind, name: entities.name, slug: entities.slug })
    .from(entities)
    .all();
  const aliasRows = db.select({ entityId: entityAliases.entityId, alias: entityAliases.alias }).from(entityAliases).all();
  const entries: AliasEntry[] = [...entityRows.map((entity) => ({ entityId: entity.id, alias: entity.name })), ...aliasRows].map(
    (entry) => ({ ...entry, isCaseSensitive: needsOwnCapitals(entry.alias) }),
  );
  return {
    version,
    matcher: compileAliasMatcher(entries),
    entities: new Map(entityRows.map((entity) => [entity.id, entity])),
  };
}

/**
 * An acronym that is also an everyday word ("SORT", "HALO") or only two letters ("UN" in
 * "un-American", "AU" in "au pair") matches only in capitals; other acronyms ("NPT") in any case.
 */
function needsOwnCapitals(alias: string): boolean {
  const trimmed = alias.trim();
  if (!/^[A-Z]{2,}$/.test(trimmed)) return false;
  if (trimmed.length <= 2) return true;
  const tags = englishLexicon()[trimmed.toLowerCase()];
  if (tags === undefined) return false;
  return ![tags].flat().some((tag) => PROPER_TAGS.has(tag));
}

const PROPER_TAGS = new Set(['Organization', 'Acronym', 'Country', 'Place', 'Region', 'City', 'ProperNoun']);

let lexicon: Record<string, string | string[]> | null = null;

/**
 * compromise's English lexicon, loaded the first time an all-capitals alias needs it: the language
 * model is tens of megabytes in memory, which a process that never meets such an alias (an import
 * into a new magazine, say) need not carry.
 */
function englishLexicon(): Record<string, string | string[]> {
  if (!lexicon) {
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one?: { lexicon?: Record<string, string | string[]> } } };
    lexicon = nlp.model().one?.lexicon ?? {};
  }
  return lexicon;
}

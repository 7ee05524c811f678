import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { importSourceMap } from '@/db/schema';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import type { ImportWarning } from './import-model';

export type ImportTx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** What one item's write came to. */
export type ItemOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export type ImportMediaOptions = { mediaDir?: string; fetchImages: boolean; fetchTimeoutMs?: number };

/**
 * What a run knows beyond the database. A dry run rolls every item back, so it remembers here what
 * its earlier items would have created (addresses, slugs, names, source ids), and its later items
 * decide exactly as the real run will.
 */
export type ImportContext = {
  source: string;
  siteUrl: string | undefined;
  dryRun: boolean;
  actorId: number | null;
  media: ImportMediaOptions;
  /** Set while an item is written: warnings about it are filed under this name. */
  itemLabel: string;
  warnings: ImportWarning[];
  /** Claims a dry run's earlier items made: namespace → value → the path or owner it went to. */
  planned: Map<string, Map<string, string>>;
  /** Claims of the item being written, kept once its (rolled-back) write succeeds. */
  pendingClaims: { namespace: string; value: string; target: string }[];
  /** What readers see that changed, for the cache expiry after the run. */
  changed: { articleIds: Set<number>; sectionIds: Set<number>; entityIds: Set<number>; contributorIds: Set<number>; isSiteWide: boolean };
  /** Addresses seen earlier in this run (subscribers), with where. */
  seenEmails: Map<string, string>;
};

export function createImportContext({ source, siteUrl, dryRun, actorId, media }: Pick<ImportContext, 'source' | 'siteUrl' | 'dryRun' | 'actorId' | 'media'>): ImportContext {
  return {
    source,
    siteUrl,
    dryRun,
    actorId,
    media,
    itemLabel: '',
    warnings: [],
    planned: new Map(),
    pendingClaims: [],
    changed: { articleIds: new Set(), sectionIds: new Set(), entityIds: new Set(), contributorIds: new Set(), isSiteWide: false },
    seenEmails: new Map(),
  };
}

export function warn(context: ImportContext, message: string): void {
  context.warnings.push({ item: context.itemLabel, message });
}

/** What an earlier item of this dry run claimed under this name, if anything. */
export function plannedClaim(context: ImportContext, namespace: string, value: string): string | undefined {
  return context.planned.get(namespace)?.get(value);
}

export function claim(context: ImportContext, namespace: string, value: string, target: string): void {
  if (context.dryRun) context.pendingClaims.push({ namespace, value, target });
}

export function keepClaims(context: ImportContext): void {
  for (const { namespace, value, target } of context.pendingClaims) {
    let space = context.planned.get(namespace);
    if (!space) context.planned.set(namespace, (space = new Map()));
    space.set(value, target);
  }
  context.pendingClaims = [];
}

/** The content hash of an item as the reader gave it: equal hashes mean nothing to update. */
export function contentHash(item: unknown): string {
  return createHash('sha256').update(stableJsonKey(item)).digest('hex');
}

export type SourceMapRow = typeof importSourceMap.$inferSelect;

export function findMapped(context: ImportContext, sourceKind: string, sourceId: string): SourceMapRow | undefined {
  const query = preparedQuery('source-map-row', (db) =>
    db
      .select()
      .from(importSourceMap)
      .where(and(eq(importSourceMap.source, sql.placeholder('source')), eq(importSourceMap.sourceKind, sql.placeholder('sourceKind')), eq(importSourceMap.sourceId, sql.placeholder('sourceId'))))
      .prepare(),
  );
  return query.get({ source: context.source, sourceKind, sourceId });
}

export function recordMapped(
  tx: ImportTx,
  context: ImportContext,
  { sourceKind, sourceId, targetKind, targetId, hash, path }: { sourceKind: string; sourceId: string; targetKind: string; targetId: number; hash: string; path?: string },
): void {
  tx.insert(importSourceMap)
    .values({ source: context.source, sourceKind, sourceId, targetKind, targetId, contentHash: hash })
    .onConflictDoUpdate({
      target: [importSourceMap.source, importSourceMap.sourceKind, importSourceMap.sourceId],
      set: { targetKind, targetId, contentHash: hash, updatedAt: new Date() },
    })
    .run();
  claim(context, 'source', `${sourceKind}:${sourceId}`, path ?? '');
}

/** A reference to an earlier item: its record's id, `planned` when only this dry run made it, or null when it never came. */
export type Reference = { id: number } | 'planned' | null;

export function referenceTo(context: ImportContext, sourceKind: string, sourceId: string): Reference {
  const mapped = findMapped(context, sourceKind, sourceId);
  if (mapped) return { id: mapped.targetId };
  return plannedClaim(context, 'source', `${sourceKind}:${sourceId}`) !== undefined ? 'planned' : null;
}

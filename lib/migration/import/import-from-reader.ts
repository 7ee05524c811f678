import 'server-only';
import type Database from 'better-sqlite3';
import { getDb, getSqlite } from '@/db/client';
import type { ImportCounts } from '@/db/schema';
import { invalidateKnownEntityIndex } from '@/lib/entities/known-entity-index';
import { expireReaderContent } from '@/lib/platform/cache/expire-reader-content';
import type { ReaderChange } from '@/lib/platform/cache/reader-change';
import { requestRevalidation } from '@/lib/platform/cache/request-revalidation';
import { contentHash, createImportContext, findMapped, keepClaims, warn, type ImportContext, type ImportMediaOptions, type ImportTx, type ItemOutcome } from './import-context';
import { imageAddress, resolveImage } from './import-media';
import type { ImportItem, ImportSourceReader, ImportWarning } from './import-model';
import { prepareEntryImages, writeEntry } from './write-entry';
import { writeMedia, writeMenuItem, writeSubscriber } from './write-menu-and-readers';
import { writeAuthor, writeSection, writeTag } from './write-people-and-terms';

export type { ImportCounts };

const YIELD_EVERY = 20;
const BATCH_ITEMS = 100;
const BATCH_MILLISECONDS = 200;
export type ImportReport = { counts: ImportCounts; warnings: ImportWarning[] };

export type ImportFromReaderOptions = {
  reader: ImportSourceReader;
  /** Decides and reports everything, writes nothing. */
  dryRun: boolean;
  /** Who runs the import: recorded as creator of what it makes. */
  actorId: number | null;
  media: ImportMediaOptions;
  onProgress?: (done: number, total: number) => void;
};

/**
 * The one import writer: turns what any reader yields into Masthead records. Each item is written
 * in its own transaction and recorded in the source map, so one failure never stops the rest, a
 * crash leaves only whole items, and a second run updates what changed and creates nothing twice.
 * A dry run takes the same path and rolls each item back, so its counts are the real run's.
 */
export async function importFromReader({ reader, dryRun, actorId, media, onProgress }: ImportFromReaderOptions): Promise<ImportReport> {
  const context = createImportContext({ source: reader.source, siteUrl: reader.siteUrl, dryRun, actorId, media });
  const counts: ImportCounts = {};
  const total = await reader.countItems();
  let done = 0;
  const batch = new WriteBatch(getSqlite());
  try {
    for await (const item of reader.items()) {
      context.itemLabel = labelOf(item);
      let outcome: ItemOutcome | 'failed';
      try {
        batch.open();
        outcome = await importItem(context, item, batch);
      } catch (error) {
        outcome = 'failed';
        warn(context, `Not imported: ${error instanceof Error ? error.message : String(error)}`);
      }
      batch.itemDone();
      counts[item.kind] ??= { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
      counts[item.kind]![outcome] += 1;
      done += 1;
      onProgress?.(done, Math.max(total, done));
      // The DOM library holds what it parsed through weak references, which are let go only between tasks.
      if (done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    batch.commit();
  }
  const warnings = [...reader.warnings, ...context.warnings];
  if (!dryRun) {
    invalidateKnownEntityIndex();
    await expireChanged(context);
  }
  return { counts, warnings };
}

/**
 * Items are committed in batches: one transaction holds up to BATCH_ITEMS items or BATCH_MILLISECONDS,
 * each item in a savepoint of its own (better-sqlite3 nests a transaction inside an open one that way),
 * so an item that fails is still undone alone while the cost of a commit is paid once a batch. Fetching
 * an image over the network may take seconds, so a batch is committed before any fetch: the write lock
 * is never held while waiting on another server. A crash loses at most the batch in progress, which the
 * next run, like any, finishes.
 */
class WriteBatch {
  private openedAt = 0;
  private items = 0;
  private isOpen = false;

  constructor(private readonly sqlite: Database.Database) {}

  open(): void {
    if (this.isOpen) return;
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.isOpen = true;
    this.openedAt = performance.now();
    this.items = 0;
  }

  itemDone(): void {
    if (this.isOpen && !this.sqlite.inTransaction) {
      // SQLite answers some failures (a full disk, say) by undoing the whole transaction: the batch's items went with it.
      this.isOpen = false;
      throw new Error('The database undid the last items written; nothing after them was imported. Run the import again to finish it.');
    }
    this.items += 1;
    if (this.items >= BATCH_ITEMS || performance.now() - this.openedAt >= BATCH_MILLISECONDS) this.commit();
  }

  commit(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    if (this.sqlite.inTransaction) this.sqlite.exec('COMMIT');
  }
}

async function importItem(context: ImportContext, item: ImportItem, batch: WriteBatch): Promise<ItemOutcome> {
  switch (item.kind) {
    case 'author':
      return inItemTransaction(context, (tx) => writeAuthor(tx, context, item));
    case 'section':
      return inItemTransaction(context, (tx) => writeSection(tx, context, item));
    case 'tag':
      return inItemTransaction(context, (tx) => writeTag(tx, context, item));
    case 'media': {
      if (isUnchanged(context, 'media', item.sourceId, item)) return 'unchanged';
      if (context.media.fetchImages) batch.commit();
      const url = imageAddress(context, item.url);
      const resolution = url ? await resolveImage(context, { url, alt: item.alt, caption: item.caption }) : ({ ok: false, reason: 'it is not a web address' } as const);
      return inItemTransaction(context, (tx) => writeMedia(tx, context, item, { url, resolution }));
    }
    case 'post':
    case 'page': {
      const hash = contentHash(item);
      if (findMapped(context, item.kind, item.sourceId)?.contentHash === hash) return 'unchanged';
      if (context.media.fetchImages) batch.commit();
      const images = await prepareEntryImages(context, item);
      return inItemTransaction(context, (tx) => writeEntry(tx, context, { item, hash, images }));
    }
    case 'menu-item':
      return inItemTransaction(context, (tx) => writeMenuItem(tx, context, item));
    case 'subscriber':
      return inItemTransaction(context, (tx) => writeSubscriber(tx, context, item));
  }
}

/** Saves fetching the images of an item that has not changed since the last run. */
function isUnchanged(context: ImportContext, sourceKind: string, sourceId: string, item: ImportItem): boolean {
  return findMapped(context, sourceKind, sourceId)?.contentHash === contentHash(item);
}

class DryRunRollback extends Error {
  constructor(readonly outcome: ItemOutcome) {
    super('Dry run: rolled back.');
  }
}

/** One item, all or nothing. In a dry run the write is made and then rolled back, keeping only what later items must know. */
function inItemTransaction(context: ImportContext, write: (tx: ImportTx) => ItemOutcome): ItemOutcome {
  context.pendingClaims = [];
  const warningsBefore = context.warnings.length;
  try {
    return getDb().transaction(
      (tx) => {
        const outcome = write(tx);
        if (context.dryRun) throw new DryRunRollback(outcome);
        return outcome;
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) {
      keepClaims(context);
      return error.outcome;
    }
    context.pendingClaims = [];
    // What the item said before it failed was about a write that did not happen.
    context.warnings.length = warningsBefore;
    throw error;
  }
}

function labelOf(item: ImportItem): string {
  switch (item.kind) {
    case 'author':
    case 'section':
    case 'tag':
      return `${item.kind} "${item.name}" (${item.sourceId})`;
    case 'media':
      return `media "${item.title || item.url.slice(item.url.lastIndexOf('/') + 1)}" (${item.sourceId})`;
    case 'post':
    case 'page':
      return `${item.kind} "${item.title}" (${item.sourceId})`;
    case 'menu-item':
      return `menu item "${item.label}" (${item.sourceId})`;
    case 'subscriber':
      return `subscriber ${item.email.trim()} (${item.where})`;
  }
}

/**
 * Readers see the import at once: the pages of what it published, its sections and authors. Inside a
 * request the cache is expired here; from the worker, the server is asked to do it.
 */
async function expireChanged(context: ImportContext): Promise<void> {
  const { articleIds, sectionIds, contributorIds, isSiteWide } = context.changed;
  const changes: ReaderChange[] = [];
  if (articleIds.size > 0) changes.push({ kind: 'article', articleIds: [...articleIds] });
  if (sectionIds.size > 0) changes.push({ kind: 'section', sectionIds: [...sectionIds] });
  if (contributorIds.size > 0) changes.push({ kind: 'contributor', contributorIds: [...contributorIds] });
  // Pages and menus show in every page's header and footer.
  if (isSiteWide) changes.push({ kind: 'settings' });
  for (const change of changes) {
    try {
      expireReaderContent(change);
    } catch {
      await requestRevalidation(change);
    }
  }
}

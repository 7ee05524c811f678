import 'server-only';
import { expireTags } from './expire-tags';
import type { ReaderChange } from './reader-change';
import { readerContentTags } from './reader-content-tags';

export type ReaderExpiry = { tags: string[] };

/**
 * The one cache-expiry point for reader pages: every write that changes what readers see says what it
 * changed, once the write has committed. It expires those Next cache tags, which also retires the whole
 * pages kept in memory that show any of them (`tag-revisions.ts`), and returns what it expired. `before` holds
 * `readerContentTags` read before the write, for what the write took away (an unpublished article's
 * entities, an issue it left). Only in a route handler or a server action: the worker uses
 * `requestRevalidation`, which asks the server to run the same expiry.
 */
export function expireReaderContent(change: ReaderChange, { before = [] }: { before?: readonly string[] } = {}): ReaderExpiry {
  const tags = expireTags([...before, ...readerContentTags(change)]);
  return { tags };
}

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from 'next/dist/server/lib/cache-handlers/types';
import { getSqlite } from '@/db/client';
import { createSharedDataCache } from '@/lib/platform/cache/shared-data-cache';
import { sqliteTagExpirationStore } from '@/lib/platform/cache/tag-expiration-store';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

/** One server process's handler: its own memory, the expirations shared through the SQLite file. */
function processHandler() {
  return createSharedDataCache({ store: sqliteTagExpirationStore });
}

function entry(text: string, { tags, madeAgoMs = 1_000 }: { tags: string[]; madeAgoMs?: number }): Promise<CacheEntry> {
  return Promise.resolve({
    value: new Blob([text]).stream() as ReadableStream<Uint8Array>,
    tags,
    stale: 300,
    timestamp: performance.timeOrigin + performance.now() - madeAgoMs,
    expire: 3_600,
    revalidate: 900,
  });
}

async function textOf(found: CacheEntry | undefined): Promise<string | undefined> {
  return found ? new Response(found.value).text() : undefined;
}

describe('the data-cache handler shared by several server processes', () => {
  it('serves what was set, and stops serving it in one process once another expires its tag', async () => {
    const first = processHandler();
    const second = processHandler();
    for (const handler of [first, second]) {
      await handler.refreshTags();
      await handler.set('article-7', entry('Inspections resume', { tags: ['article:7'] }));
      await handler.set('article-8', entry('Talks stall', { tags: ['article:8'] }));
    }
    expect(await textOf(await first.get('article-7', []))).toBe('Inspections resume');
    expect(await textOf(await first.get('article-7', [])), 'each read gets a stream of its own').toBe('Inspections resume');

    // An editor's update, handled by the second process (revalidateTag(tag, { expire: 0 })).
    await second.updateTags(['article:7'], { expire: 0 });
    expect(await second.get('article-7', []), 'the process that expired the tag misses at once').toBeUndefined();
    expect(getSqlite().prepare('select tag from cache_tag_expirations').all()).toEqual([{ tag: 'article:7' }]);

    // The first process learns of it when its next request begins.
    await first.refreshTags();
    expect(await first.get('article-7', []), 'the other process misses from its next request').toBeUndefined();
    expect(await textOf(await first.get('article-8', [])), 'entries under other tags stay').toBe('Talks stall');
    expect(await first.getExpiration(['article:7', 'article:8'])).toBeGreaterThan(0);
    expect(await first.getExpiration(['article:8'])).toBe(0);

    // What is made after the expiry is served again.
    await first.set('article-7', entry('Inspections resume, with a correction', { tags: ['article:7'], madeAgoMs: -1 }));
    await first.refreshTags();
    expect(await textOf(await first.get('article-7', []))).toBe('Inspections resume, with a correction');
  });

  it('gives a process started after an expiry every expiration recorded before it', async () => {
    await processHandler().updateTags(['home'], { expire: 0 });
    const later = processHandler();
    await later.refreshTags();
    expect(await later.getExpiration(['home'])).toBeGreaterThan(0);
  });

  it('serves an entry whose tag went stale without expiring once more, asking for a fresh one', async () => {
    const first = processHandler();
    const second = processHandler();
    await first.set('feed', entry('Latest', { tags: ['feeds'] }));
    await second.updateTags(['feeds'], {});
    await first.refreshTags();
    const found = await first.get('feed', []);
    expect(await textOf(found)).toBe('Latest');
    expect(found?.revalidate).toBe(-1);
  });

  it('keeps no entry that expires at once, and lets the least recently read go past its size limit', async () => {
    const handler = createSharedDataCache({ store: sqliteTagExpirationStore, mostBytes: 25 });
    await handler.set('dynamic', Promise.resolve({ ...(await entry('now', { tags: [] })), expire: 0 }));
    expect(await handler.get('dynamic', [])).toBeUndefined();
    await handler.set('a', entry('0123456789', { tags: [] }));
    await handler.set('b', entry('0123456789', { tags: [] }));
    await handler.get('a', []);
    await handler.set('c', entry('0123456789', { tags: [] }));
    expect(await handler.get('b', [])).toBeUndefined();
    expect(await textOf(await handler.get('a', []))).toBe('0123456789');
    expect(await textOf(await handler.get('c', []))).toBe('0123456789');
  });

  it('is the handler Next loads for `use cache`, once the server has registered it', async () => {
    const config = createRequire(import.meta.url)('../../next.config.js') as { cacheHandlers?: { default?: string } };
    expect(config.cacheHandlers?.default).toMatch(/lib\/platform\/cache\/data-cache-handler\.mjs$/);
    await import('@/lib/platform/cache/register-data-cache');
    const loaded = (await import('@/lib/platform/cache/data-cache-handler.mjs')).default;
    await loaded.updateTags(['section:3'], { expire: 0 });
    expect(getSqlite().prepare('select tag from cache_tag_expirations').all()).toEqual([{ tag: 'section:3' }]);
  });
});

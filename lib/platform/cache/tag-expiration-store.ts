import type Database from 'better-sqlite3';
import { getSqlite } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import type { TagExpiration, TagExpirationStore } from './shared-data-cache';

// Asked once per request by every process: an indexed read that finds nothing unless a tag was expired.
const changedRows = () =>
  preparedQuery('cache-tag-expirations-changed', (): Database.Statement<[number], TagExpiration> =>
    getSqlite().prepare('select tag, stale_at as staleAt, expired_at as expiredAt, revision from cache_tag_expirations where revision > ? order by revision'),
  );

const recordRow = () =>
  preparedQuery('cache-tag-expirations-record', (): Database.Statement<[string, number, number | null], unknown> =>
    getSqlite().prepare(
      `insert into cache_tag_expirations (tag, stale_at, expired_at, revision)
         values (?, ?, ?, (select coalesce(max(revision), 0) + 1 from cache_tag_expirations))
       on conflict (tag) do update set stale_at = excluded.stale_at, expired_at = excluded.expired_at, revision = excluded.revision`,
    ),
  );

/** Tag expirations in the `cache_tag_expirations` table of the one SQLite file every server process opens. */
export const sqliteTagExpirationStore: TagExpirationStore = {
  changedSince: (revision) => changedRows().all(revision),
  record: (expirations) => {
    const sqlite = getSqlite();
    sqlite.transaction(() => {
      for (const { tag, staleAt, expiredAt } of expirations) recordRow().run(tag, staleAt, expiredAt);
    }).immediate();
  },
};

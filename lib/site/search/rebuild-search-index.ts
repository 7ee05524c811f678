import 'server-only';
import { count, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleSearch } from './article-search-table';
import { insertSearchRows } from './insert-search-rows';

/** Empties the index and fills it again from every published snapshot, in one transaction; returns the rows written. */
export function rebuildSearchIndex(): number {
  return getDb().transaction(
    (tx) => {
      tx.delete(articleSearch).run();
      insertSearchRows(tx);
      // One merged segment instead of the many a bulk insert leaves: every later query reads less.
      tx.run(sql`insert into ${articleSearch}(${sql.identifier('article_search')}) values ('optimize')`);
      return tx.select({ value: count() }).from(articleSearch).get()?.value ?? 0;
    },
    { behavior: 'immediate' },
  );
}

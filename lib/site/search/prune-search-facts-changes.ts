import 'server-only';
import { getSqlite } from '@/db/client';
import { MOST_VERSIONS_MERGED } from './search-facts-snapshot';

/**
 * Drops the list of changed articles older than any process would merge (it loads the facts whole beyond that),
 * so the list stays as long as a few thousand changes, however many publications and imports came before.
 */
export function pruneSearchFactsChanges(): number {
  return getSqlite()
    .prepare('delete from search_facts_changes where version <= (select version from search_facts_version where id = 1) - ?')
    .run(MOST_VERSIONS_MERGED).changes;
}

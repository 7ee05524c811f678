import { getDb, type Db } from './client';

const preparedQueries = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query asked for many times in a row (per imported item, per delivered message), prepared once per
 * connection rather than built per call. It runs on that one connection, inside whatever transaction
 * is open there.
 */
export function preparedQuery<T>(name: string, prepare: (db: Db) => T): T {
  const db = getDb();
  let queries = preparedQueries.get(db);
  if (!queries) preparedQueries.set(db, (queries = new Map()));
  let query = queries.get(name) as T | undefined;
  if (query === undefined) queries.set(name, (query = prepare(db)));
  return query;
}

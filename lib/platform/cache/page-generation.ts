import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { preparedQuery } from '@/db/prepared-query';
import { settings } from '@/db/schema';

const KEY = 'pageGeneration';

/**
 * A counter every publication, update or unpublication moves on. Rendered reader pages are kept only
 * while it stands still; it lives in the database, so every process serving the site sees a change.
 */
export function readPageGeneration(): number {
  // Read on every reader request: prepared once, not built anew each time.
  const row = preparedQuery('page-generation', (db) =>
    db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, sql.placeholder('key')))
      .prepare(),
  ).get({ key: KEY });
  return typeof row?.value === 'number' ? row.value : 0;
}

export function bumpPageGeneration(): void {
  getDb()
    .insert(settings)
    .values({ key: KEY, value: 1 })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`coalesce(json(${settings.value}), 0) + 1` } })
    .run();
}

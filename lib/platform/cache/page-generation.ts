import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { hotStatement } from '@/db/hot-statement';
import { settings } from '@/db/schema';

const KEY = 'pageGeneration';

/**
 * A counter every publication, update or unpublication moves on. Rendered reader pages are kept only
 * while it stands still; it lives in the database, so every process serving the site sees a change.
 */
export function readPageGeneration(): number {
  const row = generationRow().get(KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

// Read on every reader request.
const generationRow = hotStatement<[string], { value: unknown }>(`select json_extract(value, '$') as value from settings where key = ?`);

export function bumpPageGeneration(): void {
  getDb()
    .insert(settings)
    .values({ key: KEY, value: 1 })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`coalesce(json(${settings.value}), 0) + 1` } })
    .run();
}

import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, entityIdRedirects } from '@/db/schema';

/**
 * Which of these ids a saved article may mention: entities that exist, and entities merged into
 * another (a save rewrites those to the survivor). In the order given, without repeats.
 */
export function findExistingEntityIds(ids: number[]): number[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const db = getDb();
  const found = new Set([
    ...db.select({ id: entities.id }).from(entities).where(inArray(entities.id, wanted)).all().map((row) => row.id),
    ...db.select({ id: entityIdRedirects.oldId }).from(entityIdRedirects).where(inArray(entityIdRedirects.oldId, wanted)).all().map((row) => row.id),
  ]);
  return wanted.filter((id) => found.has(id));
}

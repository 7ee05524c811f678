import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { entities, type Entity } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** The entity, or NotFound: also for ids that never existed or were merged away. */
export function loadEntity({ db, id }: { db: Pick<Db, 'select'>; id: number }): Entity {
  const entity = Number.isInteger(id) && id > 0 ? db.select().from(entities).where(eq(entities.id, id)).get() : undefined;
  if (!entity) throw new NotFoundError('That entity does not exist; it may have been merged into another or deleted.');
  return entity;
}

import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contributors, type Contributor } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

/** A guest contributor (a byline without an account), or NotFound; staff bylines follow their account. */
export function loadGuestContributor(db: Pick<Db, 'select'>, id: number): Contributor {
  const contributor =
    Number.isInteger(id) && id > 0 ? db.select().from(contributors).where(and(eq(contributors.id, id), isNull(contributors.userId))).get() : undefined;
  if (!contributor) throw new NotFoundError('That guest contributor does not exist; reload the list.');
  return contributor;
}

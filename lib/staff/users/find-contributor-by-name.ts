import 'server-only';
import type { Db } from '@/db/client';
import { contributors } from '@/db/schema';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { toBylineContributor, type BylineContributor } from './byline-contributor';

/** The contributor whose name reads the same once case, accents and spacing are set aside. */
export function findContributorByName(db: Pick<Db, 'select'>, name: string): BylineContributor | null {
  const wanted = normalizeAlias(name);
  const rows = db.select({ id: contributors.id, name: contributors.name, userId: contributors.userId, reviewStatus: contributors.reviewStatus }).from(contributors).all();
  const match = rows.find((row) => normalizeAlias(row.name) === wanted);
  return match ? toBylineContributor(match) : null;
}

import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contributors } from '@/db/schema';
import { slugify } from '@/lib/content/text/slugify';

/** A byline address made from a name, with -2, -3… when it is taken by another contributor. */
export function uniqueContributorSlug(db: Pick<Db, 'select'>, { name, exceptId }: { name: string; exceptId?: number }): string {
  const base = slugify(name) || 'contributor';
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    const taken = db
      .select({ id: contributors.id })
      .from(contributors)
      .where(and(eq(contributors.slug, candidate), exceptId ? ne(contributors.id, exceptId) : undefined))
      .get();
    if (!taken) return candidate;
  }
}

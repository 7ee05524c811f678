import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';

export type PublicSection = { id: number; name: string; slug: string; description: string };

/** A section by its public address; every section is public, even before anything is filed in it. */
export function findSection(slug: string): PublicSection | null {
  return (
    getDb()
      .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description })
      .from(sections)
      .where(eq(sections.slug, slug))
      .get() ?? null
  );
}

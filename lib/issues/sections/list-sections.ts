import 'server-only';
import { asc, count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, sections } from '@/db/schema';

export type SectionListItem = { id: number; name: string; slug: string; description: string; position: number; articleCount: number };

/** Every section in table-of-contents order, with how many articles file under it. */
export function listSections(): SectionListItem[] {
  const db = getDb();
  const counts = new Map(
    db
      .select({ sectionId: articles.sectionId, value: count() })
      .from(articles)
      .groupBy(articles.sectionId)
      .all()
      .map((row) => [row.sectionId, row.value]),
  );
  return db
    .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description, position: sections.position })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name), asc(sections.id))
    .all()
    .map((section) => ({ ...section, articleCount: counts.get(section.id) ?? 0 }));
}


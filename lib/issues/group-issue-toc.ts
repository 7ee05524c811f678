import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sections } from '@/db/schema';
import type { IssueTocEntry, IssueTocSection } from './issue-contents';

export const UNFILED_TOC_SECTION = { name: 'More in this issue', slug: 'more' };

/**
 * Groups table-of-contents entries by section in the sections' order, keeping the entries' own
 * order (their place in the issue) inside each; entries without a section come last.
 */
export function groupIssueToc(db: Pick<Db, 'select'>, entries: (IssueTocEntry & { sectionId: number | null })[]): IssueTocSection[] {
  const ordered = db.select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id)).all();
  const strip = ({ sectionId: _sectionId, ...entry }: IssueTocEntry & { sectionId: number | null }): IssueTocEntry => entry;
  const grouped: IssueTocSection[] = ordered
    .map((section) => ({ name: section.name, slug: section.slug, articles: entries.filter((entry) => entry.sectionId === section.id).map(strip) }))
    .filter((section) => section.articles.length > 0);
  const known = new Set(ordered.map((section) => section.id));
  const unfiled = entries.filter((entry) => entry.sectionId === null || !known.has(entry.sectionId)).map(strip);
  if (unfiled.length > 0) grouped.push({ ...UNFILED_TOC_SECTION, articles: unfiled });
  return grouped;
}

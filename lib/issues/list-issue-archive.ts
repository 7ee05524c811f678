import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { issues, media } from '@/db/schema';
import { toMediaView, type MediaView } from '@/lib/media/media-view';

export type ArchiveIssue = { id: number; slug: string; title: string; volume: number; number: number; coverDate: string; cover: MediaView | null };

export type ArchiveYear = { year: string; issues: ArchiveIssue[] };

/** Every published issue, newest first, grouped by the year on its cover. */
export function listIssueArchive(): ArchiveYear[] {
  const rows = getDb()
    .select({ issue: issues, cover: media })
    .from(issues)
    .leftJoin(media, eq(media.id, issues.coverMediaId))
    .where(eq(issues.status, 'published'))
    .orderBy(desc(issues.coverDate), desc(issues.volume), desc(issues.number))
    .all();
  const years: ArchiveYear[] = [];
  for (const { issue, cover } of rows) {
    const year = issue.coverDate.slice(0, 4);
    let group = years.at(-1);
    if (!group || group.year !== year) {
      group = { year, issues: [] };
      years.push(group);
    }
    group.issues.push({
      id: issue.id,
      slug: issue.slug,
      title: issue.title,
      volume: issue.volume,
      number: issue.number,
      coverDate: issue.coverDate,
      cover: cover ? toMediaView(cover) : null,
    });
  }
  return years;
}

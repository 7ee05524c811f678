import 'server-only';
import type { Db } from '@/db/client';
import type { Issue } from '@/db/schema';
import { getMedia } from '@/lib/media/get-media';
import { groupIssueToc } from './group-issue-toc';
import type { IssueContents, IssueTocEntry } from './issue-contents';
import { renderEditorsNote } from './render-editors-note';

/** An issue row and the entries of its table of contents, as the issue page shows them, published or in a desk preview. */
export function buildIssueContents({ db, issue, entries }: { db: Pick<Db, 'select'>; issue: Issue; entries: (IssueTocEntry & { sectionId: number | null })[] }): IssueContents {
  return {
    id: issue.id,
    slug: issue.slug,
    title: issue.title,
    volume: issue.volume,
    number: issue.number,
    coverDate: issue.coverDate,
    editorsNote: issue.editorsNote,
    publishedAt: issue.publishedAt,
    plannedPublicationDate: issue.plannedPublicationDate,
    cover: issue.coverMediaId === null ? null : getMedia(issue.coverMediaId),
    editorsNoteHtml: renderEditorsNote(issue.editorsNoteBody),
    sections: groupIssueToc(db, entries),
  };
}

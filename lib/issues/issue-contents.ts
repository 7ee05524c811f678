import type { MediaView } from '@/lib/media/media-view';
import type { Byline } from '@/lib/articles/article-bylines';

/** One line of an issue's table of contents. `href` leads to the article (or, in a desk preview, to its preview). */
export type IssueTocEntry = { id: number; slug: string; title: string; dek: string; authors: Byline[]; href: string };

export type IssueTocSection = { name: string; slug: string; articles: IssueTocEntry[] };

export type IssueSummary = { id: number; slug: string; title: string; volume: number; number: number; coverDate: string; editorsNote: string };

/** An issue as its page shows it: cover, editor's note, and the table of contents by section. */
export type IssueContents = IssueSummary & {
  publishedAt: Date | null;
  plannedPublicationDate: string | null;
  cover: MediaView | null;
  /** The editor's note rendered from its rich text; null when only the plain text exists. */
  editorsNoteHtml: string | null;
  sections: IssueTocSection[];
};

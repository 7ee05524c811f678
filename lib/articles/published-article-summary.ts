import type { Byline } from './article-bylines';

/** What a list of articles on the reader site shows for each one. */
export type PublishedArticleSummary = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  /** Whether only some readers may read it whole (its published access is not public). */
  isMembersOnly?: boolean;
  publishedAt: Date;
  section: { name: string; slug: string } | null;
  authors: Byline[];
};

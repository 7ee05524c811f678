import type { Byline } from './article-bylines';

/** What a list of articles on the reader site shows for each one. */
export type PublishedArticleSummary = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  publishedAt: Date;
  section: { name: string; slug: string } | null;
  authors: Byline[];
};

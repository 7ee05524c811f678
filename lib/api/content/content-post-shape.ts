import type { ContentAuthor } from './content-authors';
import type { ContentTag } from './content-tags';

/** A post or page as Ghost's Content API gives it (Ghost 5/6 field names). */
export type ContentPost = {
  id: string;
  uuid: string;
  title: string;
  slug: string;
  html?: string;
  plaintext?: string;
  comment_id: string;
  feature_image: string | null;
  feature_image_alt: string | null;
  feature_image_caption: string | null;
  featured: boolean;
  /** Ghost's word for who may read it whole: `members` for any gated article (its html and text are then the public part). */
  visibility: 'public' | 'members';
  created_at: string;
  updated_at: string;
  published_at: string;
  custom_excerpt: string | null;
  codeinjection_head: null;
  codeinjection_foot: null;
  custom_template: null;
  canonical_url: null;
  url: string;
  excerpt: string;
  reading_time: number;
  /** False for a gated article: the answer holds only its public part. */
  access: boolean;
  comments: false;
  og_image: null;
  og_title: null;
  og_description: null;
  twitter_image: null;
  twitter_title: null;
  twitter_description: null;
  meta_title: string | null;
  meta_description: string | null;
  email_subject: null;
  frontmatter: null;
  authors?: ContentAuthor[];
  primary_author?: ContentAuthor | null;
  tags?: ContentTag[];
  primary_tag?: ContentTag | null;
};

/** Ghost counts 275 words a minute. */
export function readingTime(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / 275));
}

/** Ghost writes times as ISO 8601 in UTC with milliseconds dropped, e.g. `2024-03-01T09:30:00.000+00:00`. */
export function ghostTime(moment: Date): string {
  return moment.toISOString().replace('Z', '+00:00');
}

import type { EntityKind } from '@/db/schema';
import type { Byline } from './article-bylines';

/** An article's working copy laid out as the reader template shows it. */
export type ArticlePreview = {
  title: string;
  dek: string;
  html: string;
  authors: Byline[];
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  entities: { kind: EntityKind; name: string; slug: string }[];
};

import type { Byline } from './article-bylines';

/** The author page of a byline, or undefined while the contributor has none (a guest awaiting review). */
export function authorPath(author: Byline): string | undefined {
  return author.hasPage ? `/authors/${author.slug}` : undefined;
}

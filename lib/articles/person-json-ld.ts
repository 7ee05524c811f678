import type { Byline } from './article-bylines';
import { authorPath } from './author-path';

/** schema.org Person for a byline; the page address only once there is a page. */
export function personJsonLd({ author, siteUrl }: { author: Byline; siteUrl: string }): { '@type': 'Person'; name: string; url?: string } {
  const path = authorPath(author);
  return { '@type': 'Person', name: author.name, ...(path ? { url: `${siteUrl}${path}` } : {}) };
}

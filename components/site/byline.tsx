import { Fragment } from 'react';
import type { Byline as BylineEntry } from '@/lib/articles/article-bylines';

/** "By A, B and C", each name linking to the author's page unless `isLinked` is false (the desk's preview) or there is no page yet. */
export function Byline({ authors, isLinked = true }: { authors: BylineEntry[]; isLinked?: boolean }) {
  if (authors.length === 0) return null;
  return (
    <span className="byline">
      By{' '}
      {authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
          {isLinked && author.hasPage ? <a href={`/authors/${author.slug}`}>{author.name}</a> : author.name}
        </Fragment>
      ))}
    </span>
  );
}

import Link from 'next/link';
import type { EntityKind } from '@/db/schema';
import type { Byline as BylineEntry } from '@/lib/articles/article-bylines';
import { formatDate } from '@/components/ui/format-date';
import { entityPath } from '@/lib/entities/entity-path';
import { Byline } from './byline';

export type ArticleViewProps = {
  title: string;
  dek: string;
  html: string;
  authors: BylineEntry[];
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  entities: { kind: EntityKind; name: string; slug: string }[];
};

/** The reader's article template, shared by the public page and the desk's preview. */
export function ArticleView({ title, dek, html, authors, publishedAt, section, issue, entities }: ArticleViewProps) {
  return (
    <article className="article">
      <header>
        {section ? <p className="kicker">{section.name}</p> : null}
        <h1>{title}</h1>
        {dek ? <p className="dek">{dek}</p> : null}
        <p className="meta">
          <Byline authors={authors} />{' '}
          {publishedAt ? <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time> : <span>Not yet published</span>}
          {issue ? (
            <>
              {' · '}
              <Link href={`/issues/${issue.slug}`}>{issue.title}</Link>
            </>
          ) : null}
        </p>
      </header>
      {/* The HTML comes from validated article JSON through the shared renderer, never from stored HTML. */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      {entities.length > 0 ? (
        <footer className="article-tags">
          <h2>In this article</h2>
          <ul>
            {entities.map((entity) => (
              <li key={`${entity.kind}:${entity.slug}`}>
                <Link href={entityPath(entity)}>{entity.name}</Link>
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}

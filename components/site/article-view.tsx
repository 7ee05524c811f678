import type { ReactNode } from 'react';
import type { CorrectionKind } from '@/lib/articles/correction-kind';
import type { EntityKind } from '@/lib/entities/entity-types';
import type { Byline as BylineEntry } from '@/lib/articles/article-bylines';
import { formatDate } from '@/components/ui/format-date';
import { ArticleTags } from './article-tags';
import { Byline } from './byline';
import { CorrectionNote } from './correction-note';
import styles from './corrections.module.css';

export type ArticleViewProps = {
  title: string;
  dek: string;
  html: string;
  authors: BylineEntry[];
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  issue: { title: string; slug: string } | null;
  /** `isApproved: false` names an entity still waiting for an editor, which has no public page to link to. */
  entities: { kind: EntityKind; name: string; slug: string; isApproved?: boolean }[];
  /** When the published text last changed; shown as "Updated …" once it is later than `publishedAt`. */
  modifiedAt?: Date | null;
  corrections?: { id: number; kind: CorrectionKind; note: string; createdAt: Date }[];
  /** Links to author and section pages: on for the public site, off in previews of what is not public yet. */
  isLinked?: boolean;
  /** Shown after the body in place of a gated article's members' part, for readers without access. */
  accessPanel?: ReactNode;
  /** Marks the body as the members' part (for JSON-LD's `hasPart`), when a gated article is shown whole. */
  isMembersContent?: boolean;
};

/** The reader's article template, shared by the public page and the desk's preview. */
export function ArticleView({
  title,
  dek,
  html,
  authors,
  publishedAt,
  section,
  issue,
  entities,
  modifiedAt = null,
  corrections = [],
  isLinked = true,
  accessPanel = null,
  isMembersContent = false,
}: ArticleViewProps) {
  const isUpdated = Boolean(publishedAt && modifiedAt && modifiedAt.getTime() > publishedAt.getTime());
  return (
    <article className="article">
      <header>
        {section ? <p className="kicker">{isLinked ? <a href={`/sections/${section.slug}`}>{section.name}</a> : section.name}</p> : null}
        <h1>{title}</h1>
        {dek ? <p className="dek">{dek}</p> : null}
        <p className="meta">
          <Byline authors={authors} isLinked={isLinked} />{' '}
          {publishedAt ? <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time> : <span>Not yet published</span>}
          {isUpdated && modifiedAt ? (
            <>
              {' · '}
              <span>
                Updated <time dateTime={modifiedAt.toISOString()}>{formatDate(modifiedAt)}</time>
              </span>
            </>
          ) : null}
        </p>
        {issue ? (
          <p className="meta article-issue">
            From the <a href={`/issues/${issue.slug}`}>{issue.title}</a> issue
          </p>
        ) : null}
      </header>
      {/* The HTML comes from validated article JSON through the shared renderer, never from stored HTML. */}
      <div className={isMembersContent ? 'article-body members-content' : 'article-body'} dangerouslySetInnerHTML={{ __html: html }} />
      {accessPanel}
      {corrections.length > 0 ? (
        <aside className={styles.notes} aria-labelledby="article-corrections-title">
          <h2 id="article-corrections-title">Corrections and updates</h2>
          {corrections.map((correction) => (
            <CorrectionNote key={correction.id} {...correction} />
          ))}
          <p className="meta">
            <a href="/corrections">All corrections</a>
          </p>
        </aside>
      ) : null}
      {entities.length > 0 ? <ArticleTags entities={entities} /> : null}
    </article>
  );
}

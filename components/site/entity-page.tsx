import type { EntityPageData } from '@/lib/entities/get-entity-page';
import { ENTITY_KIND_LABELS, entityPath } from '@/lib/entities/entity-path';
import { ArticleList } from './article-list';
import { EntityFacts } from './entity-facts';
import { ListingPagination } from './listing-pagination';
import { EntityRelatedList } from './entity-related-list';
import { SubscribeBox } from './subscribe-box';
import styles from './entity-page.module.css';

/** The reader's page for a country, treaty, person, organization or topic. */
export function EntityPage({ entity, articles, page, pageCount, totalArticles, related }: EntityPageData) {
  const basePath = entityPath(entity);
  return (
    <article className={styles.entity}>
      <header className={styles.header}>
        <p className="kicker">{ENTITY_KIND_LABELS[entity.kind].one}</p>
        <h1>{entity.name}</h1>
        {entity.description ? <p className="dek">{entity.description}</p> : null}
        {entity.aliases.length > 0 ? (
          <p className={`meta ${styles.aliases}`}>Also known as {entity.aliases.join(', ')}</p>
        ) : null}
      </header>

      <EntityFacts
        className={styles.facts}
        kind={entity.kind}
        facts={entity.facts}
        wikidataId={entity.wikidataId}
        country={entity.country}
      />

      <section className={styles.articles} aria-labelledby="entity-articles-title">
        <div className={styles.articlesHeading}>
          <h2 id="entity-articles-title">
            Articles{pageCount > 1 ? <span className="meta"> · page {page} of {pageCount}</span> : null}
          </h2>
          {/* A plain link: the feed is a file, not a page the client router could show. */}
          <a className={styles.feedLink} href={`${basePath}/feed.xml`} type="application/rss+xml">
            Follow via RSS
          </a>
        </div>
        {totalArticles > 0 ? (
          <ArticleList articles={articles} />
        ) : (
          <p>Nothing about {entity.name} has been published yet.</p>
        )}
        <ListingPagination basePath={basePath} page={page} pageCount={pageCount} label="Pages of articles" />
      </section>

      <SubscribeBox entity={{ id: entity.id, kind: entity.kind, name: entity.name }} />

      {related.length > 0 ? (
        <aside className={styles.related} aria-labelledby="entity-related-title">
          <h2 id="entity-related-title">Often alongside</h2>
          <EntityRelatedList related={related} />
        </aside>
      ) : null}
    </article>
  );
}

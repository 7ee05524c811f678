import { ENTITY_KINDS, type EntityKind } from '@/lib/entities/entity-types';
import { ENTITY_KIND_LABELS, entityPath } from '@/lib/entities/entity-path';
import styles from './article-tags.module.css';

export type ArticleTag = { kind: EntityKind; name: string; slug: string; isApproved?: boolean };

/** The article's tags at its end, one list per kind under its heading; each entity once, linked to its page once approved. */
export function ArticleTags({ entities }: { entities: ArticleTag[] }) {
  const groups = ENTITY_KINDS.map((kind) => ({ kind, tags: uniqueTags(entities.filter((entity) => entity.kind === kind)) })).filter((group) => group.tags.length > 0);
  return (
    <footer className="article-tags">
      <h2>In this article</h2>
      {groups.map(({ kind, tags }) => (
        <div key={kind} className={styles.group}>
          <h3 id={`article-tags-${kind}`} className={styles.kind}>{ENTITY_KIND_LABELS[kind].many}</h3>
          <ul aria-labelledby={`article-tags-${kind}`}>
            {tags.map((tag) => (
              <li key={tag.slug}>{tag.isApproved === false ? tag.name : <a href={entityPath(tag)}>{tag.name}</a>}</li>
            ))}
          </ul>
        </div>
      ))}
    </footer>
  );
}

/** Tags of one kind, each slug once. */
function uniqueTags(tags: ArticleTag[]): ArticleTag[] {
  return [...new Map(tags.map((tag) => [tag.slug, tag])).values()];
}

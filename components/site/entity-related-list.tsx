import { ENTITY_KIND_LABELS, entityPath } from '@/lib/entities/entity-path';
import type { RelatedEntity } from '@/lib/entities/related-entities';
import styles from './entity-page.module.css';

export function EntityRelatedList({ related }: { related: RelatedEntity[] }) {
  return (
    <ul className={styles.relatedList}>
      {related.map((entity) => (
        <li key={entity.id}>
          <a href={entityPath(entity)}>{entity.name}</a>
          <span className="meta">
            {ENTITY_KIND_LABELS[entity.kind].one} · {entity.count === 1 ? '1 article' : `${entity.count} articles`} in common
          </span>
        </li>
      ))}
    </ul>
  );
}

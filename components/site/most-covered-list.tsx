import { entityPath } from '@/lib/entities/entity-path';
import type { CoveredEntity } from '@/lib/site/most-covered-entities';

/** The entities most written about lately, as chips with their article counts. */
export function MostCoveredList({ entities }: { entities: CoveredEntity[] }) {
  return (
    <ol className="chip-list">
      {entities.map((entity) => (
        <li key={entity.id}>
          <a href={entityPath(entity)}>{entity.name}</a>{' '}
          <span className="chip-count">
            {entity.articleCount}
            <span className="visually-hidden"> {entity.articleCount === 1 ? 'article' : 'articles'}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

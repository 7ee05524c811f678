'use client';

import { EntityPicker } from './entity-picker';
import type { ManualTag } from './use-manual-tags';

/** Tags added by hand: what the article is about without naming it in the text. */
export function ManualTagsPanel({ manualTags, onChange }: { manualTags: ManualTag[]; onChange: (next: ManualTag[]) => void }) {
  return (
    <section className="manual-tags" aria-labelledby="manual-tags-title">
      <h2 id="manual-tags-title">Tags added by hand</h2>
      <p className="hint">Entities tagged in the text are tags already; add here what the article is about without naming it.</p>
      <ul className="author-list">
        {manualTags.map((tag) => (
          <li key={tag.id}>
            <span>{tag.name}</span>
            <button type="button" className="tool" aria-label={`Remove tag ${tag.name}`} onClick={() => onChange(manualTags.filter((other) => other.id !== tag.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <EntityPicker
        label="Add a tag"
        onPick={(entity) => {
          if (!manualTags.some((tag) => tag.id === entity.id)) onChange([...manualTags, { id: entity.id, kind: entity.kind, name: entity.name }]);
        }}
      />
    </section>
  );
}

'use client';

import type { ArticleMeta } from './metadata-panel';

/** The title and dek, set large above the text as readers will see them. */
export function TitleFields({ meta, canEdit, onChange }: { meta: ArticleMeta; canEdit: boolean; onChange: (changes: Partial<ArticleMeta>) => void }) {
  return (
    <>
      <label className="visually-hidden" htmlFor="article-title">
        Title
      </label>
      <textarea
        id="article-title"
        className="title-input"
        value={meta.title}
        rows={1}
        readOnly={!canEdit}
        placeholder="Title"
        onChange={(event) => onChange({ title: event.target.value.replace(/\n/g, ' ') })}
      />
      <label className="visually-hidden" htmlFor="article-dek">
        Dek
      </label>
      <textarea id="article-dek" className="dek-input" value={meta.dek} rows={2} readOnly={!canEdit} placeholder="Dek: one sentence on why this matters" onChange={(event) => onChange({ dek: event.target.value })} />
    </>
  );
}

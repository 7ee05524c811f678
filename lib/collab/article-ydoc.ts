import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { articleSchema } from '@/lib/content/article-schema';
import { validateArticleDoc, type DocValidation } from '@/lib/content/validate-article-doc';

/** The Y.XmlFragment the editor's Collaboration extension binds to (its default field). */
export const COLLAB_FIELD = 'default';

/** A shared document holding an article body, built with the same schema the editor uses. */
export function articleYDoc(body: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(articleSchema(), body, COLLAB_FIELD);
}

/**
 * The shared document as the editor's JSON, checked against the article schema. Read without the
 * schema first, so that nothing the schema would reject is silently dropped on the way.
 */
export function articleJsonOf(doc: Y.Doc): DocValidation {
  return asSharedDocumentHolds(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD)));
}

/**
 * A body checked against the article schema and written out as a shared document writes it: every
 * attribute the schema gives a default is present. A save into an article with a shared document stores
 * this form, so reading the document back does not look like a change.
 */
export function asSharedDocumentHolds(body: unknown): DocValidation {
  const validation = validateArticleDoc(body);
  if (!validation.ok) return validation;
  return { ok: true, doc: articleSchema().nodeFromJSON(validation.doc).toJSON() as JSONContent };
}

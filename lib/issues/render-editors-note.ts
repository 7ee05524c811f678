import 'server-only';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { withPublicMediaAddresses } from '@/lib/media/with-public-media-addresses';

/** The editor's note as HTML from its rich text, or null when there is none (or it no longer fits the schema). */
export function renderEditorsNote(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  const validation = validateArticleDoc(body);
  if (!validation.ok) {
    console.error('An issue’s editor’s note does not fit the article schema; showing its plain text instead.', validation.message);
    return null;
  }
  return renderArticleHtml(withPublicMediaAddresses(validation.doc));
}

import 'server-only';
import type * as Y from 'yjs';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { saveArticle, type SaveResult } from '@/lib/articles/save-article';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { articleJsonOf } from './article-ydoc';

/**
 * Writes the article's working copy from its shared document through the ordinary save, as an
 * autosave by `actor`; everything but the body is kept as stored. Null when the body has not changed.
 */
export function saveCollabWorkingCopy({ articleId, actor, doc, now = Date.now() }: { articleId: number; actor: StaffIdentity; doc: Y.Doc; now?: number }): SaveResult | null {
  const json = articleJsonOf(doc);
  if (!json.ok) throw new Error(`The shared document of article ${articleId} is not a valid article: ${json.message}`);
  // A save from the plain editor between reading the version and writing makes one retry worthwhile.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const article = getArticleForEdit({ id: articleId, actor });
    if (stableJsonKey(article.body) === stableJsonKey(json.doc)) return null;
    const result = saveArticle({
      id: articleId,
      actor,
      now,
      input: {
        baseVersion: article.version,
        reason: 'autosave',
        title: article.title,
        dek: article.dek,
        slug: article.slug,
        body: json.doc,
        sectionId: article.sectionId,
        issueId: article.issueId,
        authorContributorIds: article.authors.map((author) => author.id),
        seoTitle: article.seoTitle,
        seoDescription: article.seoDescription,
        featuredMediaId: article.featuredImage?.id ?? null,
      },
    });
    if (result.ok || result.kind !== 'conflict') return result;
  }
  return null;
}

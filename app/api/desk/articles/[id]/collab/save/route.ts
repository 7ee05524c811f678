import { z } from 'zod';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { saveCollabNow } from '@/lib/collab/collab-rooms';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/**
 * Live editing: the article's text written from its shared document now, once the caller's editor has
 * sent all it holds. Answers the version and body stored, on which the editor's own save of the other fields builds.
 */
export const POST = staffEndpoint({
  name: 'article.collab.save',
  permission: 'article.edit',
  params,
  // The write is an ordinary autosave of the article, with its revision.
  audit: 'in-domain',
  run: ({ staff, params }) => {
    const result = saveCollabNow({ articleId: params.id, actor: staff });
    if (result && !result.ok) return jsonError(result.kind === 'conflict' ? 409 : 422, result.error);
    const article = getArticleForEdit({ id: params.id, actor: staff });
    return jsonAnswer({ ok: true, version: article.version, body: article.body, savedAt: article.updatedAt });
  },
});

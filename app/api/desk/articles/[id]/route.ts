import { z } from 'zod';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { saveArticleAndShare } from '@/lib/articles/save-article-and-share';
import { MAX_DOC_BYTES } from '@/lib/content/validate-article-doc';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

export const GET = staffEndpoint({
  name: 'article.open',
  permission: 'article.view',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, article: getArticleForEdit({ id: params.id, actor: staff }) }),
});

/** Saves the editor's whole state on top of `baseVersion`: 409 with the server's copy when stale. */
export const PUT = staffEndpoint({
  name: 'article.save',
  permission: 'article.edit',
  params,
  input: { body: z.unknown(), maxBytes: MAX_DOC_BYTES + 64 * 1024 },
  // Every save is a revision with its author; the history page is its log.
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const result = saveArticleAndShare({ id: params.id, actor: staff, input });
    if (result.ok) return jsonAnswer(result);
    if (result.kind === 'conflict') return jsonError(409, result.error, { kind: 'conflict', current: result.current });
    return jsonError(422, result.error, { kind: 'invalid', fieldErrors: result.fieldErrors });
  },
});

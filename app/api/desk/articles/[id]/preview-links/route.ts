import { z } from 'zod';
import { createPreviewLink, listPreviewLinks, previewLinkInputSchema, revokePreviewLink } from '@/lib/articles/preview-links';
import { jsonAnswer, jsonError } from '@/lib/platform/http/json-body';
import { idParam, staffEndpoint } from '@/lib/staff/actions/staff-endpoint';

const params = z.object({ id: idParam });

/** The article's preview links (never their tokens). */
export const GET = staffEndpoint({
  name: 'article.preview-links.list',
  permission: 'article.review',
  params,
  audit: 'read-only',
  run: ({ staff, params }) => jsonAnswer({ ok: true, links: listPreviewLinks({ articleId: params.id, actor: staff }) }),
});

/** Makes a link; its address is in this answer only. */
export const POST = staffEndpoint({
  name: 'article.preview-links.create',
  permission: 'article.review',
  params,
  input: { body: previewLinkInputSchema, maxBytes: 4 * 1024 },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const result = createPreviewLink({ articleId: params.id, actor: staff, ...input });
    if (!result.ok) return jsonError(422, result.error, { fieldErrors: result.fieldErrors ?? {} });
    return jsonAnswer(result, { status: 201 });
  },
});

/** Revokes the link `?id=` names; revoking it again is harmless. */
export const DELETE = staffEndpoint({
  name: 'article.preview-links.revoke',
  permission: 'article.review',
  params,
  input: { query: z.object({ id: z.coerce.number({ error: 'Say which link to revoke.' }).int().positive('Say which link to revoke.') }) },
  audit: 'in-domain',
  run: ({ staff, params, input }) => {
    const link = listPreviewLinks({ articleId: params.id, actor: staff }).find((entry) => entry.id === input.id);
    if (!link) return jsonError(404, 'That preview link does not exist.');
    return jsonAnswer(revokePreviewLink({ id: link.id, actor: staff }));
  },
});

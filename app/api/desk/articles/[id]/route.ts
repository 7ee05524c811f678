import { MAX_DOC_BYTES } from '@/lib/content/validate-article-doc';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { saveArticle } from '@/lib/articles/save-article';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const article = getArticleForEdit({ id: Number((await params).id), actor: staff });
    return Response.json({ ok: true, article }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** Saves the editor's whole state on top of `baseVersion`: 409 with the server's copy when stale. */
export function PUT(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: MAX_DOC_BYTES + 64 * 1024 });
    if (!body.ok) return body.response;
    const result = saveArticle({ id: Number((await params).id), actor: staff, input: body.value });
    if (result.ok) return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    if (result.kind === 'conflict') return jsonError(409, result.error, { kind: 'conflict', current: result.current });
    return jsonError(422, result.error, { kind: 'invalid', fieldErrors: result.fieldErrors });
  });
}

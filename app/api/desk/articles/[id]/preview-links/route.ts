import { z } from 'zod';
import { createPreviewLink, listPreviewLinks, previewLinkInputSchema, revokePreviewLink } from '@/lib/articles/preview-links';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The article's preview links (never their tokens). */
export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const links = listPreviewLinks({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true, links }, { headers: NO_STORE });
  });
}

/** Makes a link; its address is in this answer only. */
export function POST(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 4 * 1024 });
    if (!body.ok) return body.response;
    const parsed = previewLinkInputSchema.safeParse(body.value);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message]));
      return jsonError(422, parsed.error.issues[0]?.message ?? 'Check the link’s details.', { fieldErrors });
    }
    const result = createPreviewLink({ articleId: Number((await params).id), actor: staff, ...parsed.data });
    if (!result.ok) return jsonError(422, result.error, { fieldErrors: result.fieldErrors ?? {} });
    return Response.json(result, { status: 201, headers: NO_STORE });
  });
}

const revokeQuery = z.object({ id: z.coerce.number({ error: 'Say which link to revoke.' }).int().positive('Say which link to revoke.') });

/** Revokes the link `?id=` names; revoking it again is harmless. */
export function DELETE(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const query = revokeQuery.safeParse({ id: new URL(request.url).searchParams.get('id') ?? undefined });
    if (!query.success) return jsonError(400, query.error.issues[0]?.message ?? 'Say which link to revoke.');
    const articleId = Number((await params).id);
    const link = listPreviewLinks({ articleId, actor: staff }).find((entry) => entry.id === query.data.id);
    if (!link) return jsonError(404, 'That preview link does not exist.');
    const result = revokePreviewLink({ id: link.id, actor: staff });
    return Response.json(result, { headers: NO_STORE });
  });
}

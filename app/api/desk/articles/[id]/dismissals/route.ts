import { dismissSuggestion, listDismissedSuggestions } from '@/lib/articles/dismissed-suggestions';
import { jsonError, readJsonBody, staffRoute } from '@/lib/http/staff-route';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const keys = listDismissedSuggestions({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true, keys }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** Remembers that a tag suggestion was dismissed for this article. */
export function POST(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 4096 });
    if (!body.ok) return body.response;
    const key = (body.value as { key?: unknown } | null)?.key;
    const result = dismissSuggestion({ articleId: Number((await params).id), actor: staff, key });
    return result.ok ? Response.json(result) : jsonError(400, result.error);
  });
}

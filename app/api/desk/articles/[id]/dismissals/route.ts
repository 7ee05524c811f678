import { dismissSuggestion, dismissSuggestions, listDismissedSuggestions } from '@/lib/articles/dismissed-suggestions';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

export function GET(_request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const keys = listDismissedSuggestions({ articleId: Number((await params).id), actor: staff });
    return Response.json({ ok: true, keys }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

/** Remembers that a tag suggestion (`{ key }`) or several at once (`{ keys }`) were dismissed for this article. */
export function POST(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 64 * 1024 });
    if (!body.ok) return body.response;
    const value = body.value as { key?: unknown; keys?: unknown } | null;
    const articleId = Number((await params).id);
    const result = typeof value === 'object' && value !== null && 'keys' in value ? dismissSuggestions({ articleId, actor: staff, keys: value.keys }) : dismissSuggestion({ articleId, actor: staff, key: value?.key });
    return result.ok ? Response.json(result) : jsonError(400, result.error);
  });
}

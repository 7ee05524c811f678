import { getWorkflowState } from '@/lib/articles/get-workflow-state';
import { setEmbargo } from '@/lib/articles/set-embargo';
import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';

type Context = { params: Promise<{ id: string }> };

/** Sets (`{ until: "YYYY-MM-DDTHH:mm" }`, site time zone) or lifts (`{ until: null }`) the embargo. */
export function PUT(request: Request, { params }: Context) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 4 * 1024 });
    if (!body.ok) return body.response;
    const id = Number((await params).id);
    const result = setEmbargo({ id, actor: staff, input: body.value });
    if (!result.ok) return jsonError(422, result.error);
    return Response.json({ ok: true, state: getWorkflowState({ id, actor: staff }) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

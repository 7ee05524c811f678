import { jsonError, readJsonBody, staffRoute } from '@/lib/platform/http/staff-route';
import { addGuestContributor } from '@/lib/staff/users/add-guest-contributor';

/** Adds a guest contributor from the editor's byline picker; a name already known answers 409 with that contributor. */
export function POST(request: Request) {
  return staffRoute(async (staff) => {
    const body = await readJsonBody(request, { maxBytes: 8 * 1024 });
    if (!body.ok) return body.response;
    const result = addGuestContributor({ actor: staff, input: body.value });
    if (result.ok) return Response.json({ ok: true, contributor: result.contributor }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    return jsonError(result.existing ? 409 : 400, result.error, { fieldErrors: result.fieldErrors, existing: result.existing });
  });
}

import 'server-only';
import { headers } from 'next/headers';
import { isSameOrigin } from './is-same-origin';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';

export const CROSS_SITE_REFUSAL = 'This request came from another site and was refused.';

/**
 * Runs a desk route handler for a signed-in staff member: 401 without a session, 403/404 from
 * the domain's own checks, and a plain 500 sentence (details only in the server log) otherwise.
 */
export async function staffRoute(handler: (staff: StaffIdentity) => Promise<Response> | Response): Promise<Response> {
  if (!isSameOrigin(await requestHeaders())) return jsonError(403, CROSS_SITE_REFUSAL);
  const staff = await getCurrentStaff();
  if (!staff) return jsonError(401, 'Your session has ended. Sign in again; your changes are kept on this device.');
  try {
    return await handler(staff);
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, error.message);
    if (error instanceof ForbiddenError) return jsonError(403, error.message);
    console.error('Desk request failed:', error);
    return jsonError(500, 'Something went wrong on the server; nothing was changed. Try again in a moment.');
  }
}

/** The request's headers; empty when a handler is called outside a request (a test or a script), where no browser can be tricked. */
async function requestHeaders(): Promise<Pick<Headers, 'get'>> {
  try {
    return await headers();
  } catch {
    return new Headers();
  }
}

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ ok: false, error, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Reads a JSON body no larger than `maxBytes`, or explains why it cannot. */
export async function readJsonBody(
  request: Request,
  { maxBytes }: { maxBytes: number },
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The connection dropped mid-upload (a tab closed, the network went away): nothing to save.
    return { ok: false, response: jsonError(400, 'The request was cut off before it arrived; nothing was changed.') };
  }
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The request was not valid JSON.') };
  }
}

function tooLarge(maxBytes: number): Response {
  return jsonError(413, `The article is larger than ${Math.round(maxBytes / 1024 / 1024)} MB and cannot be saved; remove large pasted content.`);
}

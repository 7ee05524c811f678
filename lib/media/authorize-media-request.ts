import 'server-only';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/staff/auth/current-staff';
import { can } from '@/lib/staff/auth/policy';
import { isSameOrigin } from '@/lib/platform/http/is-same-origin';
import { CROSS_SITE_REFUSAL, jsonError } from '@/lib/platform/http/staff-route';

export type MediaRequestAccess = { ok: true; staff: StaffIdentity } | { ok: false; response: Response };

/**
 * For the desk's media API: the signed-in staff member allowed to manage images, or the JSON refusal
 * to send. A request a browser sent from another site is refused before the session is even read.
 */
export async function authorizeMediaRequest(request: Request): Promise<MediaRequestAccess> {
  if (!isSameOrigin(request.headers)) return { ok: false, response: jsonError(403, CROSS_SITE_REFUSAL) };
  const staff = await getCurrentStaff();
  if (!staff) return { ok: false, response: jsonError(401, 'Sign in to manage images.') };
  if (!can({ role: staff.role, action: 'media.upload' })) {
    return { ok: false, response: jsonError(403, 'You do not have permission to manage images.') };
  }
  return { ok: true, staff };
}

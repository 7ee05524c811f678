import 'server-only';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { can } from '@/lib/auth/policy';

export type MediaRequestAccess = { ok: true; staff: StaffIdentity } | { ok: false; response: Response };

/** For the desk's media API: the signed-in staff member allowed to manage images, or the JSON refusal to send. */
export async function authorizeMediaRequest(): Promise<MediaRequestAccess> {
  const staff = await getCurrentStaff();
  if (!staff) {
    return { ok: false, response: Response.json({ ok: false, error: 'Sign in to manage images.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } }) };
  }
  if (!can({ role: staff.role, action: 'media.upload' })) {
    return {
      ok: false,
      response: Response.json({ ok: false, error: 'You do not have permission to manage images.' }, { status: 403, headers: { 'Cache-Control': 'no-store' } }),
    };
  }
  return { ok: true, staff };
}

import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from './auth';
import type { StaffIdentity } from './authenticate-staff';
import { isSessionCurrent } from './end-sessions';
import { readStaffUser } from './staff-user';

/**
 * The signed-in staff member, re-read from the database on every call so that a deactivated
 * account or a changed role takes effect at once, whatever the session cookie says.
 */
export async function getCurrentStaff(): Promise<StaffIdentity | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = readStaffUser(id);
  if (!user || !isSessionCurrent({ user, signedInAt: session?.signedInAt ?? 0, sessionId: session?.sessionId })) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For desk pages and actions: the staff member, or a redirect to the sign-in page. */
export async function requireStaff({ returnTo = '/desk' }: { returnTo?: string } = {}): Promise<StaffIdentity> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return staff;
}

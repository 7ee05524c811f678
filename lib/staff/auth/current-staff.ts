import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { preparedQuery } from '@/db/prepared-query';
import { users, type User } from '@/db/schema';
import { auth } from './auth';
import type { StaffIdentity } from './authenticate-staff';
import { isSessionCurrent } from './end-sessions';

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

/** A staff account as stored now, read on every desk request and every streamed change: prepared once. */
export function readStaffUser(id: number): User | undefined {
  const query = preparedQuery('staff-user-by-id', (db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());
  return query.get({ id });
}

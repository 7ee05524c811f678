import { getDb } from '@/db/client';
import { contributors, users, type StaffRole } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { hashPassword } from '@/lib/staff/auth/password';

let sequence = 0;

export const TEST_PASSWORD = 'correct horse battery';

/** A staff account with a byline, signed in with TEST_PASSWORD. */
export async function createTestStaff({ role = 'author' as StaffRole, email }: { role?: StaffRole; email?: string } = {}): Promise<
  StaffIdentity & { contributorId: number }
> {
  sequence += 1;
  const db = getDb();
  const name = `Test ${role} ${sequence}`;
  const user = db
    .insert(users)
    .values({ email: email ?? `${role}${sequence}@test.masthead`, name, role, passwordHash: await hashPassword(TEST_PASSWORD) })
    .returning()
    .get();
  const contributor = db
    .insert(contributors)
    .values({ name, slug: `test-${role}-${sequence}`, userId: user.id })
    .returning({ id: contributors.id })
    .get();
  return { id: user.id, email: user.email, name: user.name, role: user.role, contributorId: contributor.id };
}

import 'server-only';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { contributors, STAFF_ROLES, users, type StaffRole } from '@/db/schema';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { normalizeEmail } from '@/lib/staff/auth/authenticate-staff';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/staff/auth/password';
import { slugify } from '@/lib/content/text/slugify';

export const staffUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Keep the name under 120 characters.'),
  email: z
    .string()
    .trim()
    .max(320, 'That email address is too long.')
    .pipe(z.email('Enter a valid email address.')),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`)
    .max(1024, 'That password is too long.'),
  role: z.enum(STAFF_ROLES),
});

export type StaffUserInput = z.infer<typeof staffUserSchema>;

export type CreateStaffResult =
  | { ok: true; userId: number }
  | { ok: false; error: string; fieldErrors?: Partial<Record<keyof StaffUserInput, string>> };

export function countUsers(): number {
  return getDb().select({ value: count() }).from(users).get()?.value ?? 0;
}

/** Creates a staff account with its byline; with `onlyIfNoUsers`, only while the database has no accounts. */
export async function createStaffUser({
  input,
  actorId,
  onlyIfNoUsers = false,
}: {
  input: unknown;
  actorId: number | null;
  onlyIfNoUsers?: boolean;
}): Promise<CreateStaffResult> {
  const parsed = staffUserSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<keyof StaffUserInput, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof StaffUserInput;
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors };
  }
  const { name, password, role } = parsed.data;
  const email = normalizeEmail(parsed.data.email);
  // argon2 is the costly part: a setup form that can no longer succeed is refused before paying for it.
  if (onlyIfNoUsers && countUsers() > 0) return FIRST_ADMIN_EXISTS;
  const passwordHash = await hashPassword(password);
  const db = getDb();
  // IMMEDIATE takes the write lock before the count, so two setups in two processes cannot both see none.
  return db.transaction((tx) => {
    if (onlyIfNoUsers && (tx.select({ value: count() }).from(users).get()?.value ?? 0) > 0) return FIRST_ADMIN_EXISTS;
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      return { ok: false, error: 'An account with that email already exists.', fieldErrors: { email: 'Already in use.' } } as const;
    }
    const user = tx.insert(users).values({ name, email, passwordHash, role: role as StaffRole }).returning({ id: users.id }).get();
    tx.insert(contributors).values({ name, slug: uniqueContributorSlug(tx, name), userId: user.id }).run();
    recordAudit(tx, { actorId: actorId ?? user.id, action: 'user.create', subjectType: 'user', subjectId: user.id, data: { role } });
    return { ok: true, userId: user.id } as const;
  }, { behavior: 'immediate' });
}

const FIRST_ADMIN_EXISTS = { ok: false, error: 'An administrator already exists; sign in instead.' } as const;

function uniqueContributorSlug(tx: Pick<ReturnType<typeof getDb>, 'select'>, name: string): string {
  const base = slugify(name) || 'contributor';
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!tx.select({ id: contributors.id }).from(contributors).where(eq(contributors.slug, candidate)).get()) return candidate;
  }
}

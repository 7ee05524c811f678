import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, type StaffRole } from '@/db/schema';
import { checkLoginGate, recordLoginAttempt } from './login-rate-limit';
import { dummyPasswordHash, verifyPassword } from './password';

export type StaffIdentity = { id: number; email: string; name: string; role: StaffRole };

export type AuthenticationResult =
  | { ok: true; user: StaffIdentity }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAt: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a staff email and password. The answer and the work done are the same whether or not
 * the account exists: a missing account is verified against a dummy hash.
 */
export async function authenticateStaff({
  email,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string;
}): Promise<AuthenticationResult> {
  const normalized = normalizeEmail(email);
  const gate = checkLoginGate({ email: normalized, ip });
  if (!gate.isAllowed) {
    recordLoginAttempt({ email: normalized, ip, outcome: 'refused' });
    return { ok: false, reason: 'rate_limited', retryAt: gate.retryAt };
  }
  const user = getDb().select().from(users).where(eq(users.email, normalized)).get();
  const passwordHash = user?.passwordHash ?? (await dummyPasswordHash());
  const isMatch = await verifyPassword({ password, passwordHash });
  if (!user || !user.isActive || !isMatch) {
    recordLoginAttempt({ email: normalized, ip, outcome: 'failure' });
    return { ok: false, reason: 'invalid' };
  }
  recordLoginAttempt({ email: normalized, ip, outcome: 'success' });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

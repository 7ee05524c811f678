import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { passwordTokens, users } from '@/db/schema';
import { hashPasswordToken } from './hash-password-token';

/** Whether a set-password link can still be used; says nothing about whose it is. */
export function isPasswordLinkOpen(token: string, now = new Date()): boolean {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return false;
  const link = getDb()
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, hashPasswordToken(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now), eq(users.isActive, true)))
    .get();
  return Boolean(link);
}

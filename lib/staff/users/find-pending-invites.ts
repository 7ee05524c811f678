import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, passwordTokens } from '@/db/schema';

export type PendingInvite = { expiresAt: Date; isExpired: boolean };

/**
 * Invited staff who have not yet chosen a password, with when their newest link runs out. An
 * invitation is known from the audit log ('user.invite'); using any set-password link ends it.
 */
export function findPendingInvites(
  db: Pick<Db, 'select'>,
  { userIds, now = new Date() }: { userIds: number[]; now?: Date },
): Map<number, PendingInvite> {
  const pending = new Map<number, PendingInvite>();
  if (userIds.length === 0) return pending;
  const rows = db
    .select({
      userId: passwordTokens.userId,
      expiresAt: sql<number>`max(${passwordTokens.expiresAt})`,
      usedCount: sql<number>`count(${passwordTokens.usedAt})`,
    })
    .from(passwordTokens)
    .where(
      and(
        inArray(passwordTokens.userId, userIds),
        sql`exists (select 1 from ${auditLog} where ${auditLog.subjectType} = 'user' and ${auditLog.subjectId} = ${passwordTokens.userId} and ${eq(auditLog.action, 'user.invite')})`,
      ),
    )
    .groupBy(passwordTokens.userId)
    .all();
  for (const row of rows) {
    if (row.usedCount > 0) continue;
    const expiresAt = new Date(row.expiresAt);
    pending.set(row.userId, { expiresAt, isExpired: expiresAt.getTime() <= now.getTime() });
  }
  return pending;
}

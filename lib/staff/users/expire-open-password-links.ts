import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { passwordTokens } from '@/db/schema';

/** Ends every set-password link of a user that could still be used: a newer link, a new password or a disabled account replaces them. */
export function expireOpenPasswordLinks(tx: Pick<Db, 'update'>, { userId, now = new Date() }: { userId: number; now?: Date }): number {
  return tx
    .update(passwordTokens)
    .set({ expiresAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
    .run().changes;
}

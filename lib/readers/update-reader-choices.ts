import 'server-only';
import { and, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ALERT_FREQUENCIES, subscriberFollows, subscribers } from '@/db/schema';
import { fieldErrors } from './field-errors';

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

export const readerChoicesSchema = z.object({
  wantsIssueEmail: checkbox,
  isPaused: checkbox,
  alertFrequency: z.enum(ALERT_FREQUENCIES, { error: 'Choose instantly, daily or weekly.' }),
  /** The follows to keep; any other follow is dropped. */
  keepFollow: z.array(z.coerce.number().int().positive()).max(1000).default([]),
});

export type ReaderChoicesResult = { ok: true } | { ok: false; error: string; fieldErrors: Record<string, string> };

/** Saves the account page's choices for the signed-in reader; follows left unticked are removed. */
export function updateReaderChoices({ subscriberId, input, now = new Date() }: { subscriberId: number; input: unknown; now?: Date }): ReaderChoicesResult {
  const parsed = readerChoicesSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, error: Object.values(errors)[0] ?? 'Those choices were not understood.', fieldErrors: errors };
  }
  const choices = parsed.data;
  getDb().transaction((tx) => {
    tx.update(subscribers)
      .set({ wantsIssueEmail: choices.wantsIssueEmail, isPaused: choices.isPaused, alertFrequency: choices.alertFrequency, updatedAt: now })
      .where(eq(subscribers.id, subscriberId))
      .run();
    tx.delete(subscriberFollows)
      .where(and(eq(subscriberFollows.subscriberId, subscriberId), choices.keepFollow.length > 0 ? notInArray(subscriberFollows.entityId, choices.keepFollow) : undefined))
      .run();
  });
  return { ok: true };
}

import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { institutionSeats } from '@/db/schema';
import { INSTITUTION_SEAT_HOLD_MS } from './seat-hold';

/**
 * Whether a reader signed in through the institution's email domain may read now: the institution has no
 * seat limit, the reader holds a seat, or a seat is free.
 */
export function hasSeatFor({ institutionId, seats, subscriberId, now }: { institutionId: number; seats: number | null; subscriberId: number; now: Date }): boolean {
  if (seats === null) return true;
  const since = now.getTime() - INSTITUTION_SEAT_HOLD_MS;
  const db = getDb();
  const held = db
    .select({ lastSeenAt: institutionSeats.lastSeenAt })
    .from(institutionSeats)
    .where(and(eq(institutionSeats.institutionId, institutionId), eq(institutionSeats.subscriberId, subscriberId)))
    .get();
  if (held && held.lastSeenAt > since) return true;
  const taken = db
    .select({ value: count() })
    .from(institutionSeats)
    .where(and(eq(institutionSeats.institutionId, institutionId), gt(institutionSeats.lastSeenAt, since)))
    .get()!.value;
  return taken < seats;
}

/** Takes (or keeps) the reader's seat at the institution until `INSTITUTION_SEAT_HOLD_MS` after `now`. */
export function takeInstitutionSeat({ institutionId, subscriberId, now = new Date() }: { institutionId: number; subscriberId: number; now?: Date }): void {
  getDb()
    .insert(institutionSeats)
    .values({ institutionId, subscriberId, lastSeenAt: now.getTime() })
    .onConflictDoUpdate({ target: [institutionSeats.institutionId, institutionSeats.subscriberId], set: { lastSeenAt: now.getTime() } })
    .run();
}

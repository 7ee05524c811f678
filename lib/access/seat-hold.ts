/** A seat stays with its reader this long after their last gated view, then anyone at the institution may take it. */
export const INSTITUTION_SEAT_HOLD_MS = 30 * 60_000;

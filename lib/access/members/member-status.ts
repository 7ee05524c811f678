/** A membership's status as readers live it: an active one whose end date has passed is expired. */
export const MEMBER_STATUSES = ['active', 'past_due', 'canceled', 'expired'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

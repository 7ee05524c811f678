/**
 * Who may read an article's whole body: anyone; any signed-in reader; any active member (or a reader
 * let in by an institution); only members of the chosen tiers.
 */
export const ACCESS_LEVELS = ['public', 'registered', 'members', 'tiers'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

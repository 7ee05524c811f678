import type { AccessLevel } from '@/db/schema';

/** The words a mail puts beside an article only some readers may read in full; empty for an open one. */
export function accessLabel(access: AccessLevel | undefined): string {
  if (access === 'registered') return 'Free with a reader account';
  if (access === 'members' || access === 'tiers') return 'Members only';
  return '';
}

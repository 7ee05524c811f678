import { describe, expect, it } from 'vitest';
import { timeAgo } from '@/lib/platform/time/time-ago';

describe('timeAgo', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('says how long ago, in the largest whole unit', () => {
    expect(timeAgo({ at: new Date('2026-03-02T09:59:30Z'), now })).toBe('just now');
    expect(timeAgo({ at: new Date('2026-03-02T09:57:40Z'), now })).toBe('2 minutes ago');
    expect(timeAgo({ at: new Date('2026-03-02T09:00:00Z'), now })).toBe('1 hour ago');
    expect(timeAgo({ at: new Date('2026-02-28T09:00:00Z'), now })).toBe('2 days ago');
  });

  it('says just now for a clock a little ahead of this one', () => {
    expect(timeAgo({ at: new Date('2026-03-02T10:00:05Z'), now })).toBe('just now');
  });
});

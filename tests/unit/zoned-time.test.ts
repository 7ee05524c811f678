import { describe, expect, it } from 'vitest';
import { formatInZone, instantToWallTime, wallTimeToInstant } from '@/lib/platform/time/zoned-time';

describe('wall-clock times in a time zone', () => {
  it('reads a wall time in the zone it is given', () => {
    expect(wallTimeToInstant({ wallTime: '2026-05-03T09:30', timeZone: 'Europe/Vienna' })?.toISOString()).toBe('2026-05-03T07:30:00.000Z');
    expect(wallTimeToInstant({ wallTime: '2026-01-15T09:30', timeZone: 'Europe/Vienna' })?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(wallTimeToInstant({ wallTime: '2026-07-01T23:30', timeZone: 'America/New_York' })?.toISOString()).toBe('2026-07-02T03:30:00.000Z');
  });

  it('round-trips through the wall clock, also on the day summer time starts', () => {
    for (const wallTime of ['2026-03-29T00:45', '2026-03-29T03:15', '2026-10-25T12:00', '2026-12-31T23:59']) {
      const instant = wallTimeToInstant({ wallTime, timeZone: 'Europe/London' })!;
      expect(instantToWallTime({ instant, timeZone: 'Europe/London' })).toBe(wallTime);
    }
  });

  it('moves a time that the clocks skip (01:15 when they jump from 01:00 to 02:00) forward by the gap', () => {
    const instant = wallTimeToInstant({ wallTime: '2026-03-29T01:15', timeZone: 'Europe/London' })!;
    expect(instantToWallTime({ instant, timeZone: 'Europe/London' })).toBe('2026-03-29T02:15');
  });

  it('refuses text that is not a date and time, and dates that do not exist', () => {
    for (const wallTime of ['', 'tomorrow', '2026-02-30T10:00', '2026-13-01T10:00', '2026-05-03 09:30', '2026-05-03T24:00']) {
      expect(wallTimeToInstant({ wallTime, timeZone: 'UTC' }), wallTime).toBeNull();
    }
  });

  it('names the zone when formatting for people', () => {
    expect(formatInZone({ instant: new Date('2026-05-03T07:30:00Z'), timeZone: 'Europe/Vienna' })).toMatch(/3 May 2026.*09:30.*(CEST|GMT\+2)/);
  });
});

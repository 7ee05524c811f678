import { describe, expect, it } from 'vitest';
import { digestPeriodFromKey, previousDigestPeriod } from '@/lib/readers/mail/digest-period';
import { escapeHtml } from '@/lib/readers/mail/escape-html';
import { retryDelayMs } from '@/lib/readers/mail/retry-delay';
import { classifySendFailure } from '@/lib/readers/mail/send-failure';

describe('reading a failed send', () => {
  it('treats 5xx as permanent, 4xx as temporary, and a lost connection as temporary before the hand-over and unknown after it', () => {
    expect(classifySendFailure({ error: { responseCode: 550, response: '550 No such user' }, wasHandedOver: true })).toEqual({ kind: 'permanent', reason: '550 No such user' });
    expect(classifySendFailure({ error: { responseCode: 451, response: '451 Later' }, wasHandedOver: false }).kind).toBe('temporary');
    expect(classifySendFailure({ error: new Error('Connection closed'), wasHandedOver: false }).kind).toBe('temporary');
    expect(classifySendFailure({ error: new Error('Connection closed'), wasHandedOver: true }).kind).toBe('unknown');
  });
});

describe('retry delays', () => {
  it('double from 30 seconds, are capped at six hours, and add at most a fifth of jitter', () => {
    expect(retryDelayMs({ attempts: 1, random: () => 0 })).toBe(30_000);
    expect(retryDelayMs({ attempts: 3, random: () => 0 })).toBe(120_000);
    expect(retryDelayMs({ attempts: 30, random: () => 0 })).toBe(6 * 60 * 60 * 1000);
    expect(retryDelayMs({ attempts: 1, random: () => 1 })).toBe(36_000);
  });
});

describe('digest periods', () => {
  it('name yesterday and last week (Monday to Monday) in the site’s time zone', () => {
    const now = new Date('2025-04-03T01:00:00Z');
    expect(previousDigestPeriod({ frequency: 'daily', now, timeZone: 'UTC' })).toEqual({
      frequency: 'daily',
      key: 'daily:2025-04-02',
      start: new Date('2025-04-02T00:00:00Z'),
      end: new Date('2025-04-03T00:00:00Z'),
    });
    expect(previousDigestPeriod({ frequency: 'weekly', now, timeZone: 'UTC' }).key).toBe('weekly:2025-03-24');
    // 01:00 UTC is still 2 April in New York: yesterday there is 1 April, midnight to midnight local time.
    expect(previousDigestPeriod({ frequency: 'daily', now, timeZone: 'America/New_York' })).toMatchObject({
      key: 'daily:2025-04-01',
      start: new Date('2025-04-01T04:00:00Z'),
      end: new Date('2025-04-02T04:00:00Z'),
    });
  });

  it('refuse keys that name no real day', () => {
    expect(digestPeriodFromKey({ key: 'daily:2025-02-30', timeZone: 'UTC' })).toBeNull();
    expect(digestPeriodFromKey({ key: 'hourly:2025-02-03', timeZone: 'UTC' })).toBeNull();
  });
});

describe('escaping text for HTML mail', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">Tom's & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

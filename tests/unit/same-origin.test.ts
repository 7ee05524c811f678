import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '@/lib/platform/http/is-same-origin';

const headersOf = (values: Record<string, string>) => new Headers(values);

describe('cross-site request refusal', () => {
  it('accepts requests from the site itself, directly or behind a proxy', () => {
    expect(isSameOrigin(headersOf({ origin: 'http://127.0.0.1:3100', host: '127.0.0.1:3100' }))).toBe(true);
    expect(isSameOrigin(headersOf({ origin: 'https://magazine.example.org', host: 'app:3000', 'x-forwarded-host': 'magazine.example.org' }))).toBe(true);
  });

  it('refuses a browser request from another origin, a malformed origin, and a cross-site fetch without one', () => {
    expect(isSameOrigin(headersOf({ origin: 'https://evil.example', host: '127.0.0.1:3100' }))).toBe(false);
    expect(isSameOrigin(headersOf({ origin: 'null', host: '127.0.0.1:3100' }))).toBe(false);
    expect(isSameOrigin(headersOf({ 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3100' }))).toBe(false);
  });

  it('leaves requests without browser origin headers to the session check', () => {
    expect(isSameOrigin(headersOf({ host: '127.0.0.1:3100' }))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isAllowedHref } from '@/lib/content/is-allowed-href';

describe('isAllowedHref', () => {
  it.each([
    'https://www.iaea.org/newscenter',
    'http://example.org',
    'mailto:letters@example.org',
    '/articles/new-start-expiry',
    '/issues/2025-04#contents',
    '#fn-1',
  ])('allows %s', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    '//evil.example/path',
    '/\\evil.example',
    ' https://padded.example',
    'ftp://files.example',
    'mailto:not-an-address',
    'https://',
    '',
    'https://ok.example/\u0000',
  ])('refuses %j', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeRedirectPath } from '@/lib/migration/redirects/normalize-redirect-path';

const SITE = 'https://old.example.org';

describe('normalizeRedirectPath', () => {
  it('turns an absolute URL on the site into a site-relative path without its trailing slash', () => {
    expect(normalizeRedirectPath('https://old.example.org/2019/05/the-treaty/', SITE)).toBe('/2019/05/the-treaty');
    expect(normalizeRedirectPath('http://www.old.example.org/About/', SITE)).toBe('/about');
    expect(normalizeRedirectPath('https://OLD.example.org/x#comments', 'old.example.org')).toBe('/x');
  });

  it('refuses other hosts, absolute URLs with no site to compare, other schemes and bare words', () => {
    expect(normalizeRedirectPath('https://elsewhere.example.com/x', SITE)).toBeNull();
    expect(normalizeRedirectPath('https://old.example.org/x')).toBeNull();
    expect(normalizeRedirectPath('mailto:desk@old.example.org', SITE)).toBeNull();
    expect(normalizeRedirectPath('javascript:alert(1)', SITE)).toBeNull();
    expect(normalizeRedirectPath('old-page', SITE)).toBeNull();
    expect(normalizeRedirectPath('   ', SITE)).toBeNull();
  });

  it('keeps the home page as / and WordPress item links on it', () => {
    expect(normalizeRedirectPath('/')).toBe('/');
    expect(normalizeRedirectPath('https://old.example.org/', SITE)).toBe('/');
    expect(normalizeRedirectPath('/?p=12')).toBe('/?p=12');
    expect(normalizeRedirectPath('https://old.example.org/?p=12&utm_source=x', SITE)).toBe('/?p=12');
    expect(normalizeRedirectPath('/index.php?page_id=7')).toBe('/?page_id=7');
  });

  it('keeps only item parameters, in one order, whatever order they came in', () => {
    expect(normalizeRedirectPath('/?tag=Arms-Control&cat=3&replytocom=9')).toBe('/?cat=3&tag=arms-control');
    expect(normalizeRedirectPath('/news/?author=2&p=5')).toBe('/news?p=5&author=2');
    expect(normalizeRedirectPath('/news?s=treaty')).toBe('/news');
    expect(normalizeRedirectPath('/?p=')).toBe('/');
  });

  it('spells percent-encoding one way: decoded where it can be, upper-case hex where it must stay', () => {
    const expected = '/caf%C3%A9/r%C3%A9sum%C3%A9';
    expect(normalizeRedirectPath('/Café/Résumé/')).toBe(expected);
    expect(normalizeRedirectPath('/caf%c3%a9/R%C3%A9sum%C3%A9')).toBe(expected);
    expect(normalizeRedirectPath('/%7Euser/a%2Db')).toBe('/~user/a-b');
    expect(normalizeRedirectPath('/a%2Fb')).toBe('/a%2Fb');
    expect(normalizeRedirectPath('/caf%E9')).toBe('/caf%E9');
    expect(normalizeRedirectPath('/a b')).toBe('/a%20b');
  });

  it('drops doubled and dot segments', () => {
    expect(normalizeRedirectPath('//old.example.org/a//b/', SITE)).toBe('/a/b');
    expect(normalizeRedirectPath('/a/./b/../c')).toBe('/a/c');
  });
});

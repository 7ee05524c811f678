import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '@/lib/site/content-security-policy';
import { isCacheableReaderPath, isStaffPath, READER_CACHE_CONTROL } from '@/lib/site/security-headers';
import { trustedTypesPolicyScript } from '@/lib/site/trusted-types-policy';
import { config as proxyConfig, proxy } from '@/proxy';
import { createTestArticle } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function scriptSource(policy: string): string {
  return policy.split('; ').find((directive) => directive.startsWith('script-src')) ?? '';
}

describe('the Content-Security-Policy', () => {
  it('lets scripts run only with the nonce: no inline script, no eval', async () => {
    const scripts = scriptSource(contentSecurityPolicy({ scripts: { nonce: 'abc123' }, isStaffArea: false }));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(scripts).not.toContain('unsafe-inline');
  });

  it('forbids framing the desk entirely and reader pages by other sites, and blocks plugins', async () => {
    expect(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: true })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false })).toContain("frame-ancestors 'self'");
    expect(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false })).toContain("object-src 'none'");
  });

  it('allows eval only for the development server and upgrades requests only over https', async () => {
    expect(scriptSource(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false, isDevelopment: true }))).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false })).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false, isHttps: true })).toContain('upgrade-insecure-requests');
  });
});

describe('Trusted Types and violation reports in the policy', () => {
  it('names the only Trusted Types policies allowed and where to report; each page requires Trusted Types itself', async () => {
    const directives = contentSecurityPolicy({ scripts: { nonce: 'n' }, isStaffArea: false }).split('; ');
    // In the header, Next's empty error document for a 404 would be left without the default policy.
    expect(directives).not.toContain("require-trusted-types-for 'script'");
    expect(directives).toContain('trusted-types default masthead#inert-parse');
    const script = trustedTypesPolicyScript({ isEnforced: true, reportPath: '/api/csp-report' });
    expect(script).toContain(`requirement.content = "require-trusted-types-for 'script'"`);
    expect(script).toContain(`fetch("/api/csp-report"`);
    expect(() => new Function(script)).not.toThrow();
    expect(trustedTypesPolicyScript({ isEnforced: false, reportPath: '/api/csp-report' })).toContain('if (!false) return;');
    expect(directives).toContain('report-uri /api/csp-report');
    expect(directives).toContain('report-to csp-endpoint');
  });

  it('lets a page kept without scripts run none, and requires Trusted Types for it in the header, where no script is there to', async () => {
    const directives = contentSecurityPolicy({ scripts: 'none', isStaffArea: false }).split('; ');
    expect(directives).toContain("script-src 'none'");
    expect(directives).toContain("require-trusted-types-for 'script'");
    expect(directives).toContain('trusted-types default masthead#inert-parse');
    expect(contentSecurityPolicy({ scripts: { hashes: ["'sha256-abc'"] }, isStaffArea: false }).split('; ')).not.toContain("require-trusted-types-for 'script'");
  });

  it('names the report endpoint for report-to on every page and route', async () => {
    for (const path of ['/desk', '/search?q=treaty', '/api/health']) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(response.headers.get('reporting-endpoints'), path).toBe('csp-endpoint="/api/csp-report"');
    }
  });
});

describe('which paths are the staff area and which are cacheable reader pages', () => {
  it('tells them apart', async () => {
    expect(['/desk', '/desk/articles/3', '/login', '/preview/tok', '/api/desk/entities'].every(isStaffPath)).toBe(true);
    expect(['/', '/articles/x', '/deskside', '/login-help'].some(isStaffPath)).toBe(false);
    expect(['/', '/articles/a-slug', '/issues', '/issues/2025-04', '/treaties/new-start', '/corrections'].every(isCacheableReaderPath)).toBe(true);
    expect(['/desk', '/search', '/api/health', '/feed.xml', '/treaties/new-start/feed.xml', '/articles/a/social.png'].some(isCacheableReaderPath)).toBe(false);
  });
});

describe('the proxy', () => {
  function get(path: string): NextRequest {
    return new NextRequest(`http://localhost:3000${path}`);
  }

  it('sends a fresh nonce in the policy to the browser and to the page renderer on each request', async () => {
    const first = await proxy(get('/'));
    const second = await proxy(get('/'));
    const policy = first.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    // Next passes request headers changed by the proxy in x-middleware-request-<name>.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
  });

  it('marks reader data cacheable by shared caches, with stale-while-revalidate, a page rendered with a nonce not, and leaves the desk alone', async () => {
    const article = createTestArticle();
    // No server to keep pages here: the page is rendered for this request, with its nonce (kept pages: shared-page-policy.test.ts).
    const page = await proxy(get(`/articles/${article.slug}`));
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const navigation = await proxy(new NextRequest(`http://localhost:3000/articles/${article.slug}`, { headers: { RSC: '1' } }));
    expect(navigation.headers.get('cache-control')).toBe(READER_CACHE_CONTROL);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');

    const desk = await proxy(get('/desk'));
    expect(desk.headers.get('cache-control')).toBeNull();
    expect(desk.headers.get('x-frame-options')).toBe('DENY');
    expect(desk.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('Strict-Transport-Security', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const everyKindOfResponse = ['/', '/articles/some-slug', '/desk', '/api/health', '/feed.xml', '/api/media/1/photo.jpg', '/_next/static/chunks/main.js', '/_next/image?url=%2Fx.png&w=64&q=75', '/favicon.ico', '/bad%E0%A4%A'];

  it('is sent on every response, assets and media included, when SITE_URL is https (read when the request comes, not at build)', async () => {
    vi.stubEnv('SITE_URL', 'https://magazine.example');
    const { unstable_doesMiddlewareMatch } = await proxyMatcherTester();
    for (const path of everyKindOfResponse) {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path }), path).toBe(true);
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`, { method: 'HEAD' }));
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
    }
  });

  it('is never sent when SITE_URL is plain http, so a local or staging host is not pinned to https', async () => {
    vi.stubEnv('SITE_URL', 'http://localhost:3000');
    for (const path of everyKindOfResponse) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`, { method: 'HEAD' }));
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});

/** Next's own matcher check; its module expects the AsyncLocalStorage global that Next's server sets up. */
async function proxyMatcherTester() {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  Object.assign(globalThis, { AsyncLocalStorage });
  return import('next/experimental/testing/server');
}

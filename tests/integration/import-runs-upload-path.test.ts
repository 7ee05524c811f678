import { describe, expect, it } from 'vitest';
import { config as proxyConfig } from '@/proxy';

/** Next's own matcher check; its module expects the AsyncLocalStorage global that Next's server sets up. */
async function proxyMatcherTester() {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  Object.assign(globalThis, { AsyncLocalStorage });
  return import('next/experimental/testing/server');
}

describe('the import upload address', () => {
  // In front of a route, the proxy buffers the body and cuts it at 10 MB; an export is often far larger.
  it('is the one address the proxy leaves alone, so a large export streams whole to the route', async () => {
    const { unstable_doesMiddlewareMatch } = await proxyMatcherTester();
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: '/api/desk/import/upload?source=wordpress&fileName=x.xml' })).toBe(false);
    for (const path of ['/', '/desk/import', '/api/desk/import/12', '/api/desk/media', '/api/desk/importer', '/articles/upload']) {
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: path }), path).toBe(true);
    }
  });
});

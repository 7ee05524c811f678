/**
 * The static security headers for every response, built assets and images included; the proxy adds
 * the Content-Security-Policy with its per-request nonce (ADR 007) and HSTS, which follows SITE_URL
 * at run time while this file is read at build. Keep these in step with `lib/site/security-headers.ts`.
 */
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()',
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'happy-dom', 'sax', 'yazl', 'yauzl', 'yjs'],
  poweredByHeader: false,
  // Ghost's Content API clients ask for `/ghost/api/content/posts/` and a browser's preflight cannot follow a redirect:
  // proxy.ts serves those addresses as they are and redirects every other trailing slash as Next would.
  skipTrailingSlashRedirect: true,
  typedRoutes: false,
  // `'use cache'` entries stay in each process's memory, but tag expirations are shared through the SQLite
  // file, so an expiry made by one server process holds in all of them (WEB_CONCURRENCY; ADR 007).
  cacheHandlers: { default: require.resolve('./lib/platform/cache/data-cache-handler.mjs') },
  experimental: {
    // `'use cache'` for reader data, without Cache Components' static shells, which cannot carry a nonce (ADR 007).
    useCache: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;

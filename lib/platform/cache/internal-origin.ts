import 'server-only';

/**
 * Where this application can reach its own server: `INTERNAL_URL` when set; inside `next start`, the
 * address it is listening on; for `npm run worker` alone, `SITE_URL`. Null when nothing is known (tests).
 */
export function internalOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.INTERNAL_URL || env.__NEXT_PRIVATE_ORIGIN || (env.PORT && env.NEXT_RUNTIME ? `http://127.0.0.1:${env.PORT}` : '') || env.SITE_URL;
  return configured ? configured.replace(/\/+$/, '') : null;
}

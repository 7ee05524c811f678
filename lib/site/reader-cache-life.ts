import 'server-only';

/**
 * How long cached reader data lives without a write expiring it: the safety net if an expiry is
 * missed (a scheduled publication while the server could not be told). Writes expire tags at once.
 */
export const READER_CACHE_LIFE = { stale: 60, revalidate: 300, expire: 86_400 } as const;

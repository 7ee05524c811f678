import type { CacheHandler } from 'next/dist/server/lib/cache-handlers/types';

declare const dataCacheHandler: CacheHandler;
export default dataCacheHandler;

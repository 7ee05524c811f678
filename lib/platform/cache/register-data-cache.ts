import { createSharedDataCache } from './shared-data-cache';
import { sqliteTagExpirationStore } from './tag-expiration-store';

/**
 * Puts this process's data-cache handler where `data-cache-handler.mjs` (the file Next loads for
 * `'use cache'`) finds it. Next loads that file outside the application's bundles, so the two meet on
 * `globalThis`; importing this module more than once (several bundles) keeps the first handler.
 */
const shared = globalThis as { mastheadDataCache?: ReturnType<typeof createSharedDataCache> };
shared.mastheadDataCache ??= createSharedDataCache({ store: sqliteTagExpirationStore });

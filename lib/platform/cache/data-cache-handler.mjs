// The `'use cache'` handler named in next.config.js (`cacheHandlers.default`). Next imports this file
// itself, outside the application's bundles, so it only hands each call to the handler the server
// registered at start (lib/platform/cache/register-data-cache.ts: entries in memory, tag expirations
// in the SQLite file every server process shares). Before that, as during `next build`, nothing is
// kept: every read makes its value afresh.
const keepsNothing = {
  get: async () => undefined,
  set: async () => {},
  refreshTags: async () => {},
  getExpiration: async () => 0,
  updateTags: async () => {},
};

const handler = () => globalThis.mastheadDataCache ?? keepsNothing;

const dataCacheHandler = {
  get: (cacheKey, softTags) => handler().get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => handler().set(cacheKey, pendingEntry),
  refreshTags: () => handler().refreshTags(),
  getExpiration: (tags) => handler().getExpiration(tags),
  updateTags: (tags, durations) => handler().updateTags(tags, durations),
};

export default dataCacheHandler;

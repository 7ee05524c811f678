import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';

type WorkStore = Parameters<typeof workAsyncStorage.run>[0];

/**
 * Runs `work` with the store Next gives a server action, so `revalidateTag` runs for real and the tags
 * it would expire can be read back; outside a request Next refuses to expire anything.
 */
export function withinServerAction<Result>(work: () => Result): { result: Result; expiredTags: string[] } {
  const store = { route: '/desk', page: '/desk/page', incrementalCache: {}, isStaticGeneration: false } as unknown as WorkStore;
  const result = workAsyncStorage.run(store, work);
  const pending = (store as { pendingRevalidatedTags?: { tag: string }[] }).pendingRevalidatedTags ?? [];
  return { result, expiredTags: pending.map((entry) => entry.tag) };
}

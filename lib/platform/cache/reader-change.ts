/** What a write changed that readers can see; the cache-expiry point decides from it which pages go stale. */
export type ReaderChange =
  | { kind: 'article'; articleIds: readonly number[] }
  /**
   * An update that changed only the articles' own pages: nothing another page lists of them (see
   * `listedFootprint`). The site's newest lists, feeds and corrections still follow it.
   */
  | { kind: 'article-page'; articleIds: readonly number[] }
  | { kind: 'issue'; issueIds: readonly number[] }
  | { kind: 'section'; sectionIds: readonly number[] }
  | { kind: 'entity'; entityIds: readonly number[] }
  | { kind: 'contributor'; contributorIds: readonly number[] }
  | { kind: 'settings' }
  | { kind: 'media'; mediaIds: readonly number[] }
  | { kind: 'page'; pageIds: readonly number[] }
  | { kind: 'navigation' }
  /** A Content API key revoked: what the edge kept of its answers must go, so the key stops working there too. */
  | { kind: 'integration'; integrationIds: readonly number[] };

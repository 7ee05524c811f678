// The parts of Ghost's Content API client the tests use; the package ships no types.
declare module '@tryghost/content-api' {
  export type GhostItem = {
    id?: string;
    title?: string;
    slug?: string;
    name?: string;
    html?: string;
    plaintext?: string;
    url?: string;
    authors?: GhostItem[];
    tags?: GhostItem[];
    primary_author?: GhostItem | null;
    primary_tag?: GhostItem | null;
    count?: { posts: number };
    [field: string]: unknown;
  };
  export type GhostList = GhostItem[] & {
    meta: { pagination: { page: number; limit: number | 'all'; pages: number; total: number; next: number | null; prev: number | null } };
  };
  type Options = Record<string, unknown>;
  type Resource = {
    browse(options?: Options): Promise<GhostList>;
    read(data: { id?: string; slug?: string }, options?: Options): Promise<GhostItem>;
  };
  export default function GhostContentAPI(options: { url: string; key: string; version: string | boolean }): {
    posts: Resource;
    pages: Resource;
    authors: Resource;
    tags: Resource;
    settings: { browse(options?: Options): Promise<Record<string, unknown>> };
  };
}

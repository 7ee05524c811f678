import 'server-only';
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKind } from '@/db/schema';

export const SEARCH_SORTS = ['relevance', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Deeper pages than this are never useful to a reader and only cost the server. */
export const MAX_SEARCH_PAGE = 500;

export type SearchFilters = {
  section?: string;
  year?: number;
  issue?: string;
  entity?: { kind: EntityKind; slug: string };
};

export type SearchRequest = { q: string; page: number; sort: SearchSort; filters: SearchFilters };

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const searchParamsSchema = z.object({
  // A pasted page is cut, not refused: the query parser reads less than this anyway.
  q: z.preprocess(firstValue, z.string().catch('').transform((value) => value.slice(0, 2_000))),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1)),
  sort: z.preprocess(firstValue, z.enum(SEARCH_SORTS).catch('relevance')),
  section: z.preprocess(firstValue, slug.optional().catch(undefined)),
  issue: z.preprocess(firstValue, slug.optional().catch(undefined)),
  year: z.preprocess(firstValue, z.coerce.number().int().min(1900).max(2999).optional().catch(undefined)),
  entity: z.preprocess(
    firstValue,
    z
      .string()
      .transform((value) => {
        const [kind, entitySlug] = value.split(':');
        const isKind = (ENTITY_KINDS as readonly string[]).includes(kind ?? '');
        return isKind && slug.safeParse(entitySlug).success ? { kind: kind as EntityKind, slug: entitySlug! } : undefined;
      })
      .optional()
      .catch(undefined),
  ),
});

/**
 * Reads `/search` parameters. Nothing a reader can put in the address is an error: an unknown sort,
 * a page that is not a number or a malformed filter falls back to the default, so a shared or
 * hand-edited link still shows results.
 */
export function parseSearchRequest(params: Record<string, string | string[] | undefined>): SearchRequest {
  const parsed = searchParamsSchema.safeParse(params);
  if (!parsed.success) return { q: '', page: 1, sort: 'relevance', filters: {} };
  const { q, page, sort, section, issue, year, entity } = parsed.data;
  const filters: SearchFilters = {};
  if (section) filters.section = section;
  if (issue) filters.issue = issue;
  if (year) filters.year = year;
  if (entity) filters.entity = entity;
  return { q: oneLine(q), page, sort, filters };
}

/**
 * A query is one line of words. Control characters (NUL, bell, tabs, line breaks) are typed by no keyboard and
 * shown by no page: an HTML parser would put a replacement mark where the server searched for nothing. They
 * become spaces, so the search box shows exactly what was searched.
 */
function oneLine(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The `/search` address for a request, leaving out defaults so equal searches share one address. */
export function searchHref(request: SearchRequest): string {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  const { section, issue, year, entity } = request.filters;
  if (section) params.set('section', section);
  if (issue) params.set('issue', issue);
  if (year) params.set('year', String(year));
  if (entity) params.set('entity', `${entity.kind}:${entity.slug}`);
  if (request.sort !== 'relevance') params.set('sort', request.sort);
  if (request.page > 1) params.set('page', String(request.page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

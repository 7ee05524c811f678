import { ContentApiError } from './content-api-error';

export type OrderTerm = { field: string; direction: 'asc' | 'desc' };

/** The options every browse and read accepts, read from the query string and checked. */
export type ContentQuery = {
  limit: number;
  /** `limit=all` was asked for: the meta says `all` when everything fitted under the cap. */
  isAll: boolean;
  page: number;
  filter: string | null;
  include: Set<string>;
  fields: string[] | null;
  formats: Set<string>;
  order: OrderTerm[] | null;
  /** The key is a members key: members-only posts are answered in full. */
  readsMembersContent: boolean;
};

export const DEFAULT_LIMIT = 15;
/** `limit=all` and large numbers stop here, so one request cannot ask for the whole archive at once. */
export const MAX_LIMIT = 1000;

export function readContentQuery(params: URLSearchParams): ContentQuery {
  const limitText = params.get('limit');
  const isAll = limitText === 'all';
  return {
    limit: isAll ? MAX_LIMIT : positiveInteger('limit', limitText, DEFAULT_LIMIT, MAX_LIMIT),
    isAll,
    page: positiveInteger('page', params.get('page'), 1, Number.MAX_SAFE_INTEGER),
    filter: params.get('filter')?.trim() || null,
    include: listOf(params.get('include')),
    fields: params.get('fields') ? [...listOf(params.get('fields'))] : null,
    formats: params.get('formats') ? listOf(params.get('formats')) : new Set(['html']),
    order: readOrder(params.get('order')),
    // Set by the caller from the key, never from the address.
    readsMembersContent: false,
  };
}

function positiveInteger(name: string, text: string | null, fallback: number, cap: number): number {
  if (text === null || text.trim() === '') return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new ContentApiError('BadRequestError', `Validation error, cannot read ${name}.`, `"${name}" must be a whole number of 1 or more${name === 'limit' ? ', or "all"' : ''}.`);
  }
  return Math.min(Number(text), cap);
}

function listOf(text: string | null): Set<string> {
  return new Set(
    (text ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

function readOrder(text: string | null): OrderTerm[] | null {
  if (!text?.trim()) return null;
  return text.split(',').map((part) => {
    const [field = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const lower = direction.toLowerCase();
    if (rest.length > 0 || (lower !== 'asc' && lower !== 'desc')) {
      throw new ContentApiError('BadRequestError', 'Validation error, cannot read order.', `"${part.trim()}" is not an order; write it as "field asc" or "field desc".`);
    }
    return { field, direction: lower };
  });
}

/** The order terms as SQL-ready pairs; a field outside the list is a 400 naming the ones allowed. */
export function checkedOrder<Column>(order: OrderTerm[] | null, columns: Record<string, Column>, fallback: OrderTerm[]): { column: Column; direction: 'asc' | 'desc' }[] {
  return (order ?? fallback).map((term) => {
    const column = columns[term.field];
    if (column === undefined) {
      throw new ContentApiError('BadRequestError', 'Validation error, cannot read order.', `"${term.field}" cannot be ordered by; use one of ${Object.keys(columns).join(', ')}.`);
    }
    return { column, direction: term.direction };
  });
}

export type Pagination = { page: number; limit: number | 'all'; pages: number; total: number; next: number | null; prev: number | null };

/** Ghost's pagination block for a page of a list of `total` items. */
export function paginationFor(query: ContentQuery, total: number): Pagination {
  const pages = Math.max(1, Math.ceil(total / query.limit));
  return {
    page: query.page,
    limit: query.isAll && total <= query.limit ? 'all' : query.limit,
    pages,
    total,
    next: query.page < pages ? query.page + 1 : null,
    prev: query.page > 1 ? query.page - 1 : null,
  };
}

/** Keeps only the fields asked for (`fields=title,url`), as Ghost does; everything when none were named. */
export function pickFields<Item extends Record<string, unknown>>(item: Item, fields: string[] | null): Record<string, unknown> {
  if (!fields) return item;
  return Object.fromEntries(fields.filter((field) => field in item).map((field) => [field, item[field]]));
}

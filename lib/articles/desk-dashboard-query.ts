import 'server-only';
import { z } from 'zod';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/db/schema';

export type DashboardFilters = {
  sectionId: number | null;
  issueId: number | null;
  contributorId: number | null;
  status: ArticleStatus | null;
};

export type DashboardQuery = {
  filters: DashboardFilters;
  /** `YYYY-MM`, or null for the current month. */
  month: string | null;
  /** One sentence per value that was not understood and so was ignored. */
  notes: string[];
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The ids the filters may name; anything else is ignored with a note. */
export type KnownFilterIds = { sectionIds: Set<number>; issueIds: Set<number>; contributorIds: Set<number> };

export const EMPTY_DASHBOARD_FILTERS: DashboardFilters = { sectionId: null, issueId: null, contributorId: null, status: null };

/**
 * Reads the dashboard's query string (`section`, `issue`, `author`, `status`, `month`). An empty
 * value means "no filter"; a value that is not understood is dropped and named in `notes`, so a
 * hand-edited or stale link still shows a page.
 */
export function parseDashboardQuery({ query, known }: { query: RawSearchParams; known: KnownFilterIds }): DashboardQuery {
  const notes: string[] = [];
  const read = <T>({ name, schema, note }: { name: string; schema: z.ZodType<T>; note: string }): T | null => {
    const raw = firstValue(query[name])?.trim() ?? '';
    if (raw === '') return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    notes.push(note.replace('{value}', shorten(raw)));
    return null;
  };
  const idOf = (ids: Set<number>) => idSchema.refine((id) => ids.has(id));
  return {
    filters: {
      sectionId: read({ name: 'section', schema: idOf(known.sectionIds), note: 'There is no section “{value}”, so articles from every section are shown.' }),
      issueId: read({ name: 'issue', schema: idOf(known.issueIds), note: 'There is no issue “{value}”, so articles from every issue are shown.' }),
      contributorId: read({ name: 'author', schema: idOf(known.contributorIds), note: 'There is no author “{value}”, so articles by every author are shown.' }),
      status: read({ name: 'status', schema: statusSchema, note: '“{value}” is not a status, so articles in every status are shown.' }),
    },
    month: read({ name: 'month', schema: monthSchema, note: '“{value}” is not a month written as YYYY-MM, so the calendar shows the current month.' }),
    notes,
  };
}

/** The query string for these filters and month, without empty values (for links that keep the filters). */
export function dashboardSearch({ filters, month }: { filters: DashboardFilters; month?: string | null }): string {
  const search = new URLSearchParams();
  if (filters.sectionId !== null) search.set('section', String(filters.sectionId));
  if (filters.issueId !== null) search.set('issue', String(filters.issueId));
  if (filters.contributorId !== null) search.set('author', String(filters.contributorId));
  if (filters.status !== null) search.set('status', filters.status);
  if (month) search.set('month', month);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const idSchema = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number)
  .pipe(z.number().int().positive());

const statusSchema = z.enum(ARTICLE_STATUSES);

const monthSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .refine((value) => {
    const [year, month] = value.split('-').map(Number);
    return year! >= 1970 && year! <= 9999 && month! >= 1 && month! <= 12;
  });

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

import { asc, desc, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core';
import { checkedOrder, type ContentQuery, type OrderTerm } from './content-query';

/**
 * The page of a browse that the query asks for, in the order it asks for (or `fallback`). `tiebreaker`
 * comes last so that rows equal on every asked-for field keep one order and no page repeats or skips one.
 */
export function orderedPage<Select extends SQLiteSelect>({
  select,
  query,
  columns,
  fallback,
  tiebreaker,
}: {
  select: Select;
  query: ContentQuery;
  columns: Record<string, AnyColumn | SQLWrapper>;
  fallback: OrderTerm[];
  tiebreaker: SQL;
}): Select {
  const order = checkedOrder(query.order, columns, fallback);
  return select
    .orderBy(...order.map(({ column, direction }) => (direction === 'asc' ? asc(column) : desc(column))), tiebreaker)
    .limit(query.limit)
    .offset((query.page - 1) * query.limit);
}

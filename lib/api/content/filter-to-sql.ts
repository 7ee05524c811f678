import { and, not, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ContentApiError } from './content-api-error';
import { fromContentId, type ContentIdKind } from './content-ids';
import { NqlSyntaxError, parseNqlFilter, type NqlNode, type NqlOperator, type NqlValue } from './nql-filter';

/**
 * How one filterable field of a resource becomes SQL. Values always travel as bound parameters.
 * - text: compared as text (`=`, `<>`, `IN`, `LIKE` for `~`)
 * - date: compared as a moment (`'YYYY-MM-DD HH:mm:ss'` in UTC, as Ghost writes them)
 * - id: a Content API id of this kind, turned back into our integer id
 * - boolean: a condition that is true or false for each row
 * - constant: the same value for every row (visibility is always public)
 * - membership: a related record matches (tags, authors); `-` and `-[…]` mean none matches
 */
export type FilterField =
  | { kind: 'text'; column: SQLWrapper }
  | { kind: 'date'; column: SQLWrapper }
  | { kind: 'id'; column: SQLWrapper; idKind: ContentIdKind }
  | { kind: 'boolean'; condition: SQL }
  | { kind: 'constant'; value: string | boolean }
  | { kind: 'membership'; matchesAny: (slugs: string[]) => SQL };

export type FilterFields = Record<string, FilterField>;

/** The filter text as a SQL condition over these fields; anything it cannot read is a 400 with the reason. */
export function filterToSql(filter: string, fields: FilterFields): SQL {
  let tree: NqlNode;
  try {
    tree = parseNqlFilter(filter);
  } catch (error) {
    if (error instanceof NqlSyntaxError) throw new ContentApiError('BadRequestError', 'Error parsing filter', error.message);
    throw error;
  }
  return compile(tree, fields);
}

function compile(node: NqlNode, fields: FilterFields): SQL {
  if ('children' in node) {
    const children = node.children.map((child) => compile(child, fields));
    return (node.type === 'and' ? and(...children) : or(...children))!;
  }
  const field = fields[node.field];
  if (!field) {
    const known = Object.keys(fields).join(', ');
    throw new ContentApiError('BadRequestError', 'Error parsing filter', `Query Error: "${node.field}" cannot be filtered on here; use one of ${known}.`);
  }
  if (node.type === 'in') {
    const condition = matchAny(field, node.field, node.values);
    return node.isNegated ? not(condition) : condition;
  }
  return compare(field, node.field, node.op, node.value);
}

function matchAny(field: FilterField, name: string, values: NqlValue[]): SQL {
  if (field.kind === 'membership') return field.matchesAny(values.map(String));
  return or(...values.map((value) => compare(field, name, 'eq', value)))!;
}

function compare(field: FilterField, name: string, op: NqlOperator, value: NqlValue): SQL {
  switch (field.kind) {
    case 'membership': {
      if (op === 'eq') return field.matchesAny([String(value)]);
      if (op === 'ne') return not(field.matchesAny([String(value)]));
      throw unsupported(name, op);
    }
    case 'constant':
      return isConstantTrue(field.value, op, value) ? sql`1` : sql`0`;
    case 'boolean': {
      if (typeof value !== 'boolean' || (op !== 'eq' && op !== 'ne')) throw new ContentApiError('BadRequestError', 'Error parsing filter', `Query Error: "${name}" is true or false.`);
      return value === (op === 'eq') ? field.condition : not(field.condition);
    }
    case 'date':
      return compareValue(field.column, op, momentOf(name, value), name);
    case 'id': {
      const id = value === null ? null : fromContentId(field.idKind, String(value));
      if (op !== 'eq' && op !== 'ne') throw unsupported(name, op);
      // An id of another kind names nothing here.
      if (id === null) return op === 'eq' ? sql`0` : sql`1`;
      return compareValue(field.column, op, id, name);
    }
    case 'text':
      if (value === null) return op === 'ne' ? sql`${field.column} is not null` : sql`${field.column} is null`;
      return compareValue(field.column, op, String(value), name);
  }
}

function compareValue(column: SQLWrapper, op: NqlOperator, value: string | number, name: string): SQL {
  switch (op) {
    case 'eq':
      return sql`${column} = ${value}`;
    case 'ne':
      // A row without the value (a post with no section) is not equal to it either.
      return sql`(${column} is null or ${column} <> ${value})`;
    case 'gt':
      return sql`${column} > ${value}`;
    case 'gte':
      return sql`${column} >= ${value}`;
    case 'lt':
      return sql`${column} < ${value}`;
    case 'lte':
      return sql`${column} <= ${value}`;
    case 'contains':
      return sql`${column} like ${`%${escapeLike(String(value))}%`} escape '\\'`;
    case 'notContains':
      return sql`${column} not like ${`%${escapeLike(String(value))}%`} escape '\\'`;
    case 'startsWith':
      return sql`${column} like ${`${escapeLike(String(value))}%`} escape '\\'`;
    case 'endsWith':
      return sql`${column} like ${`%${escapeLike(String(value))}`} escape '\\'`;
  }
  throw unsupported(name, op);
}

function isConstantTrue(constant: string | boolean, op: NqlOperator, value: NqlValue): boolean {
  if (op === 'eq') return constant === value;
  if (op === 'ne') return constant !== value;
  return false;
}

/** Milliseconds since the epoch, as the columns hold them; a date without a zone is UTC, as in Ghost. */
function momentOf(name: string, value: NqlValue): number {
  const text = String(value).trim();
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const moment = match ? Date.parse(`${match[1]}T${match[2] ?? '00:00:00'}${match[3] ?? 'Z'}`) : Number.NaN;
  if (Number.isNaN(moment)) {
    throw new ContentApiError('BadRequestError', 'Error parsing filter', `Query Error: "${text}" is not a date for "${name}"; write it as 'YYYY-MM-DD HH:mm:ss'.`);
  }
  return moment;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function unsupported(name: string, op: NqlOperator): ContentApiError {
  return new ContentApiError('BadRequestError', 'Error parsing filter', `Query Error: "${name}" cannot be compared with "${op}".`);
}

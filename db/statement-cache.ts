import type Database from 'better-sqlite3';

const MOST_STATEMENTS = 1000;

/**
 * The connection as drizzle should see it: the same database, but `prepare` hands back a statement
 * already compiled for the same SQL text, since drizzle compiles every query anew on each call and
 * SQLite's compilation is a large share of a short query's time. Drizzle's SQL text holds
 * placeholders, not values, so a few hundred texts cover the application; the least recently used
 * beyond a thousand are let go. A statement is handed back in its plain mode (drizzle switches some to
 * raw rows). Only drizzle gets this view: code that iterates a statement or sets its modes itself
 * prepares its own on the plain connection.
 */
export function withStatementCache(sqlite: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = (source: string): Database.Statement => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (statements.size >= MOST_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    if (statement.reader) statement.raw(false);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

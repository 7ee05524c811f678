import type Database from 'better-sqlite3';
import { getSqlite } from './client';

/**
 * A statement for the few reads made on every reader request, prepared once per connection and run
 * on the plain connection: building the same query through drizzle each time costs ten times the read.
 * Everything else goes through drizzle.
 */
export function hotStatement<Parameters extends unknown[], Row>(source: string): () => Database.Statement<Parameters, Row> {
  const statements = new WeakMap<Database.Database, Database.Statement<Parameters, Row>>();
  return () => {
    const sqlite = getSqlite();
    let statement = statements.get(sqlite);
    if (!statement) {
      statement = sqlite.prepare<Parameters, Row>(source);
      statements.set(sqlite, statement);
    }
    return statement;
  };
}

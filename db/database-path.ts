import path from 'node:path';

/** Where the SQLite file lives: `DATABASE_PATH`, or `./data/masthead.db`, as an absolute path. */
export function databasePathFrom(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATABASE_PATH || './data/masthead.db');
}

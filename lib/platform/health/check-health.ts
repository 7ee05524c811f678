import 'server-only';
import { getSqlite } from '@/db/client';

export type Health = { ok: true; database: 'ok'; time: string } | { ok: false; database: 'unavailable'; time: string };

/** Asks the database a real question; any failure is reported as unavailable, never thrown. */
export function checkHealth(): Health {
  const time = new Date().toISOString();
  try {
    const row = getSqlite().prepare('select count(*) as count from __drizzle_migrations').get() as { count: number };
    if (typeof row.count !== 'number') throw new Error('unexpected answer');
    return { ok: true, database: 'ok', time };
  } catch (error) {
    console.error('Health check failed:', error);
    return { ok: false, database: 'unavailable', time };
  }
}

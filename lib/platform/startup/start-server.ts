import { DatabaseStartupError, getDb } from '@/db/client';
import '@/lib/platform/cache/register-data-cache';
import { startWorkerLoop } from '@/lib/platform/jobs/worker-loop';
import { ensureSearchIndex } from '@/lib/site/search/ensure-search-index';

/**
 * Opens the database (applying migrations) so that a bad file stops the start with one sentence,
 * then starts the background worker loop in this process unless MASTHEAD_WORKER=off (with
 * WEB_CONCURRENCY above 1, `npm start` turns it off in every server process but one).
 */
export function startServer(): void {
  try {
    getDb();
  } catch (error) {
    if (error instanceof DatabaseStartupError) {
      console.error(`Masthead cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const indexed = ensureSearchIndex();
  if (indexed > 0) console.log(`Search index built for ${indexed} published articles.`);
  if (process.env.MASTHEAD_WORKER === 'off') return;
  startWorkerLoop();
  console.log(`Background work (scheduled publication, mail, jobs) runs in process ${process.pid}.`);
}

/**
 * Runs once when the server starts: opens the database (applying migrations), so that a bad file
 * stops the start with one sentence, then starts the background worker loop in this process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDb, DatabaseStartupError } = await import('./db/client');
  try {
    getDb();
  } catch (error) {
    if (error instanceof DatabaseStartupError) {
      console.error(`Masthead cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (process.env.MASTHEAD_WORKER !== 'off') {
    const { startWorkerLoop } = await import('./lib/jobs/worker-loop');
    startWorkerLoop();
  }
}

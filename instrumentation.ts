/** Runs once when the server starts, in the Node.js runtime only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServer } = await import('./lib/platform/startup/start-server');
  startServer();
}

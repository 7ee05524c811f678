/** Runs once when the server starts: open the database (and migrate) so a bad file stops the start. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
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
}

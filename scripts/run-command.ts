import { closeDb, DatabaseStartupError } from '@/db/client';

/** Runs a command-line script: its exit code, one sentence for a database problem, and the database closed. */
export function runCommand(main: () => Promise<number>): void {
  main()
    .then((code) => {
      closeDb();
      process.exit(code);
    })
    .catch((error: unknown) => {
      closeDb();
      console.error(error instanceof DatabaseStartupError ? error.message : error);
      process.exit(1);
    });
}

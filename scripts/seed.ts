import { getDb } from '@/db/client';
import { runCommand } from './run-command';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoMagazine } from './seed/seed-demo-magazine';
import { getConfig } from '@/lib/platform/config/get-config';

/** `npm run db:seed` loads the demo magazine into an empty database; `--if-empty` skips quietly otherwise. */
async function main(): Promise<number> {
  const isIfEmpty = process.argv.includes('--if-empty');
  const { databasePath } = getConfig();
  const db = getDb();
  if (!isDatabaseEmpty(db)) {
    if (isIfEmpty) return 0;
    console.error(
      `The database at ${databasePath} already has content, so the demo magazine was not loaded. ` +
        'Point DATABASE_PATH at a new file (or remove this one) to start again.',
    );
    return 1;
  }
  const summary = await seedDemoMagazine(db);
  const kinds = Object.entries(summary.entities)
    .map(([kind, total]) => `${total} ${kind}`)
    .join(', ');
  console.log(`Demo magazine loaded into ${databasePath}:`);
  console.log(`  ${summary.issues} issues, ${summary.articles} articles; entities: ${kinds}.`);
  console.log(`  Demo staff (password "${DEMO_PASSWORD}"):`);
  for (const line of summary.staff) console.log(`    ${line}`);
  return 0;
}

runCommand(main);

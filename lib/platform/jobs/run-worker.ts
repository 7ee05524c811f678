import { closeDb, DatabaseStartupError, getDb } from '@/db/client';
import { closeSmtpTransport } from '@/lib/readers/mail/smtp-transport';
import { startWorkerLoop } from './worker-loop';

/** `npm run worker`: the same loop the server runs, in a process of its own. */
try {
  getDb();
} catch (error) {
  console.error(error instanceof DatabaseStartupError ? `Masthead worker cannot start: ${error.message}` : error);
  process.exit(1);
}
const stop = startWorkerLoop();
console.log('Masthead worker running; Ctrl+C stops it.');
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stop();
    clearInterval(keepAlive);
    closeSmtpTransport();
    closeDb();
    process.exit(0);
  });
}

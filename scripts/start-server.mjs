// `npm start`: the production build behind a plain Node HTTP server. A reader page already kept in memory
// (lib/site/kept-page-answer.ts) is answered before Next routes the request; everything else, and every
// page the first time, goes to Next exactly as under `next start`. Options as `next start`: -H/--hostname, -p/--port.
// WEB_CONCURRENCY=N (default 1) runs N such servers on the one port (node:cluster); only the first runs the
// background work (scheduler, mail, jobs), and a server that crashes after it started is started again.
import cluster from 'node:cluster';
import http from 'node:http';
import next from 'next';

function option(names, fallback) {
  const at = process.argv.findIndex((argument) => names.includes(argument));
  return at === -1 ? fallback : process.argv[at + 1];
}

const hostname = option(['-H', '--hostname'], process.env.HOSTNAME || '0.0.0.0');
const port = Number(option(['-p', '--port'], process.env.PORT || '3000'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port “${option(['-p', '--port'], process.env.PORT)}” is not a port number; give one from 1 to 65535.`);
  process.exit(1);
}
const concurrency = Number(process.env.WEB_CONCURRENCY || '1');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
  console.error(`WEB_CONCURRENCY “${process.env.WEB_CONCURRENCY}” is not a number of processes; give one from 1 to 64.`);
  process.exit(1);
}
process.env.NODE_ENV = 'production';
// Where the server asks itself for a page to keep (lib/platform/cache/internal-origin.ts).
process.env.INTERNAL_URL ||= `http://${hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname}:${port}`;

if (concurrency > 1 && cluster.isPrimary) superviseServers(concurrency);
else await serve();

async function serve() {
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  const header = (request) => (name) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  // With several processes, each answer names the one that gave it, so a problem can be traced to it.
  const processHeader = cluster.isWorker ? String(process.pid) : undefined;

  const server = http.createServer((request, response) => {
    if (processHeader) response.setHeader('X-Masthead-Process', processHeader);
    const answer = globalThis.mastheadAnswerFromKeptPage?.({ method: request.method ?? 'GET', url: request.url ?? '/', header: header(request) });
    if (!answer) return handle(request, response);
    response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.byteLength) });
    response.end(answer.body);
  });
  // As `next start`: keep idle connections open a little longer than the usual load balancer does.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`Masthead is serving http://${hostname}:${port}${processHeader ? ` (process ${processHeader})` : ''}`));

  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      // Requests still open after ten seconds are cut, as a supervisor would.
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}

/**
 * The primary process serves nothing itself: it starts `count` servers sharing the port, the first one
 * alone (it applies pending migrations and builds a missing search index) and the rest once it listens.
 * The first server runs the background work; the others are started with MASTHEAD_WORKER=off.
 */
function superviseServers(count) {
  let stopping = false;
  let started = false;
  let exitCode = 0;
  const alive = new Set();
  const backgroundWork = process.env.MASTHEAD_WORKER === 'off' ? 'off' : 'on';
  const start = (slot) => {
    const worker = cluster.fork({ MASTHEAD_WORKER: slot === 0 ? backgroundWork : 'off' });
    alive.add(worker);
    let listening = false;
    worker.once('listening', () => {
      listening = true;
      if (slot === 0 && !started) {
        started = true;
        for (let other = 1; other < count; other += 1) start(other);
      }
    });
    worker.once('exit', (code, signal) => {
      alive.delete(worker);
      if (stopping) {
        if (alive.size === 0) process.exit(exitCode);
        return;
      }
      if (!listening) {
        // A server that cannot start (a bad database, a missing build) will not start on a second try either.
        console.error(`Masthead server process ${worker.process.pid} stopped before it was serving (${signal ?? `exit code ${code}`}); stopping all.`);
        stopAll(code || 1);
        return;
      }
      if (code === 0 && !signal) {
        // It was told to stop (SIGTERM or SIGINT sent to it alone, or to the whole group as by Ctrl-C).
        console.log(`Masthead server process ${worker.process.pid} stopped when asked; ${alive.size} still serving.`);
        if (alive.size === 0) process.exit(0);
        return;
      }
      console.error(`Masthead server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
      start(slot);
    });
  };
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (alive.size === 0) process.exit(code);
    for (const worker of alive) worker.process.kill('SIGTERM');
    // Each server cuts its open requests after ten seconds; one that has not gone by then is killed.
    setTimeout(() => {
      for (const worker of alive) worker.process.kill('SIGKILL');
      process.exit(exitCode);
    }, 12_000).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(0));
  start(0);
}

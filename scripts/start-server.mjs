// `npm start`: the production build behind a plain Node HTTP server. A reader page already kept in memory
// (lib/site/kept-page-answer.ts) is answered before Next routes the request; everything else, and every
// page the first time, goes to Next exactly as under `next start`. Options as `next start`: -H/--hostname, -p/--port.
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
process.env.NODE_ENV = 'production';
// Where the server asks itself for a page to keep (lib/platform/cache/internal-origin.ts).
process.env.INTERNAL_URL ||= `http://${hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname}:${port}`;

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const header = (request) => (name) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const server = http.createServer((request, response) => {
  const answer = globalThis.mastheadAnswerFromKeptPage?.({ method: request.method ?? 'GET', url: request.url ?? '/', header: header(request) });
  if (!answer) return handle(request, response);
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.byteLength) });
  response.end(answer.body);
});
// As `next start`: keep idle connections open a little longer than the usual load balancer does.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Masthead is serving http://${hostname}:${port}`));

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

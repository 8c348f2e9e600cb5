// `npm start`: the production build behind a plain Node HTTP server. Next.js turns every request into a WHATWG Request,
// which refuses TRACE, TRACK and CONNECT outright (a 500 on every path under `next start`); methods the app does not
// serve are answered here instead: 405 with `Allow`, before Next.js sees them; the 405 Next.js gives a method a route
// does not export gets the `Allow` Next.js itself answers to OPTIONS there. API answers default to
// `Cache-Control: no-store` here too: next.config.js headers would override what a route sets itself.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

process.env.NODE_ENV = 'production';
// The peer address header below is believed only with this process's key (lib/auth/client-address.ts): under plain
// `next start` or behind anything else, a client that sends the header proves nothing.
const PEER_KEY = randomUUID();
process.env.INFRA_REVIEW_PEER_KEY = PEER_KEY;
const { default: next } = await import('next');

/** Every method some route of the app serves; the rest are refused on every path. */
const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const ALLOW = SERVED_METHODS.join(', ');
const port = Number(flag('-p', '--port') ?? process.env.PORT ?? 3000);
// Like `next start`, every interface unless -H says otherwise (not $HOSTNAME: containers set it to their own name).
const hostname = flag('-H', '--hostname');

const dir = path.dirname(new URL(import.meta.url).pathname);
const app = next({ dev: false, dir, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

/** Per API route: its path pattern and the methods it serves, learnt once the server listens. */
let routeMethods = [];

const server = createServer((req, res) => {
  req.headers['x-infra-review-peer'] = `${PEER_KEY} ${req.socket.remoteAddress ?? ''}`;
  if (req.url?.startsWith('/api/')) beforeHead(res, (status) => apiDefaults(req, res, status));
  if (SERVED_METHODS.includes(req.method ?? '')) return void handle(req, res);
  const body = JSON.stringify({ error: { code: 'method_not_allowed:http', message: `${req.method} is not served; use ${ALLOW}` } });
  res.writeHead(405, {
    Allow: ALLOW,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
});
// CONNECT (a proxy tunnel) and methods Node's parser does not know (TRACK) never reach the handler above.
server.on('connect', (_req, socket) => socket.end(rawResponse(405, 'Method Not Allowed', `Allow: ${ALLOW}\r\n`)));
server.on('clientError', (error, socket) => {
  if (!socket.writable) return socket.destroy();
  const { code } = error;
  if (code === 'HPE_INVALID_METHOD') return socket.end(rawResponse(405, 'Method Not Allowed', `Allow: ${ALLOW}\r\n`));
  if (code === 'HPE_HEADER_OVERFLOW') return socket.end(rawResponse(431, 'Request Header Fields Too Large'));
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return socket.end(rawResponse(408, 'Request Timeout'));
  socket.end(rawResponse(400, 'Bad Request'));
});
server.listen(port, hostname, async () => {
  console.log(`infra-review listening on http://${hostname ?? 'localhost'}:${port}`);
  routeMethods = await learnRouteMethods(`http://${hostname ?? '127.0.0.1'}:${port}`).catch((error) => {
    console.error("reading the API routes' methods failed; their 405s go without Allow", error);
    return [];
  });
});
// Event streams keep connections open forever: waiting for them would never end.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));

/** An API answer's defaults: `no-store` unless the route chose (the event streams' `no-cache, no-transform`), `Allow` on a 405. */
function apiDefaults(req, res, status) {
  if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', 'no-store');
  if (status !== 405 || res.hasHeader('allow')) return;
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const route = routeMethods.find(({ pattern }) => pattern.test(pathname));
  if (route) res.setHeader('Allow', route.allow);
}

/** Runs `fn(status)` just before the response's head is sent, after the route set its own headers. */
function beforeHead(res, fn) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    fn(typeof args[0] === 'number' ? args[0] : res.statusCode);
    return writeHead.apply(this, args);
  };
}

/** Each API route of the build (static ones first) with the methods Next.js answers OPTIONS with there. */
async function learnRouteMethods(origin) {
  const manifest = JSON.parse(readFileSync(path.join(dir, '.next/server/app-paths-manifest.json'), 'utf8'));
  const routes = Object.keys(manifest)
    .filter((key) => key.startsWith('/api/') && key.endsWith('/route'))
    .map((key) => key.slice(0, -'/route'.length))
    .sort((a, b) => a.split('[').length - b.split('[').length);
  const table = [];
  for (const route of routes) {
    const sample = route.replace(/\[\.\.\.[^\]]+\]/g, 'x/y').replace(/\[[^\]]+\]/g, 'x');
    const allow = (await fetch(origin + sample, { method: 'OPTIONS' })).headers.get('allow');
    const pattern = new RegExp(
      `^${route
        .replaceAll('.', '\\.')
        .replace(/\[\.\.\.[^\]]+\]/g, '.+')
        .replace(/\[[^\]]+\]/g, '[^/]+')}/?$`,
    );
    if (allow) table.push({ pattern, allow });
  }
  return table;
}

/** A bare response for a socket the HTTP parser gave up on. */
function rawResponse(status, reason, headers = '') {
  return `HTTP/1.1 ${status} ${reason}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`;
}

/** The value after a command-line flag (`-p 3000`), if given. */
function flag(short, long) {
  const at = process.argv.findIndex((arg) => arg === short || arg === long);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

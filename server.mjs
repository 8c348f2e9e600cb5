// `npm start`: the production build behind a plain Node HTTP server. Next.js turns every request into a WHATWG Request,
// which refuses TRACE, TRACK and CONNECT outright (a 500 on every path under `next start`); methods the app does not
// serve are answered here instead: 405 with `Allow`, before Next.js sees them. API answers default to
// `Cache-Control: no-store` here too: next.config.js headers would override what a route sets itself.
import { createServer } from 'node:http';
import path from 'node:path';

process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

/** Every method some route of the app serves; the rest are refused on every path. */
const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const ALLOW = SERVED_METHODS.join(', ');
const port = Number(flag('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = flag('-H', '--hostname') ?? process.env.HOSTNAME;

const app = next({ dev: false, dir: path.dirname(new URL(import.meta.url).pathname), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/')) defaultHeader(res, 'Cache-Control', 'no-store');
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
server.listen(port, hostname, () => console.log(`infra-review listening on http://${hostname ?? 'localhost'}:${port}`));
// Event streams keep connections open forever: waiting for them would never end.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));

/** Sets `name` when the response is sent unless the route set it itself (the event streams' `no-cache, no-transform`). */
function defaultHeader(res, name, value) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!res.hasHeader(name)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
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

// A keep-alive HTTP server on 127.0.0.1 (port 0 unless given), answering "ok", after
// `delayMs` (a setTimeout per request) when given: the 20 ms target, and the fast target's
// fallback when nginx is not installed. Prints its URL on the first line of stdout.
// Limits are raised for the memory bench's 10,000–20,000 connections: a deep accept backlog (the
// kernel caps it at net.core.somaxconn), no per-socket request cap, no request or headers
// timeout while a connection waits its turn on a saturated core.
//   node bench/targets/node-server.mjs [delayMs] [port]
import { createServer } from 'node:http';

const delayMs = Number(process.argv[2] ?? 0);
const server = createServer((req, res) => {
  req.resume();
  if (delayMs > 0) setTimeout(() => res.end('ok'), delayMs);
  else res.end('ok');
});
server.keepAliveTimeout = 75_000;
server.headersTimeout = 0;
server.requestTimeout = 0;
server.maxRequestsPerSocket = 0;
server.listen({ port: Number(process.argv[3] ?? 0), host: '127.0.0.1', backlog: 65_535 }, () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));

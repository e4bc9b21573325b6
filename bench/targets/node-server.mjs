// A minimal keep-alive HTTP server on 127.0.0.1 (port 0 unless given): the fallback target when
// nginx is not installed. Prints its URL on the first line of stdout.
import { createServer } from 'node:http';

const delayMs = Number(process.argv[2] ?? 0);
const server = createServer((_req, res) => {
  if (delayMs > 0) setTimeout(() => res.end('ok'), delayMs);
  else res.end('ok');
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));

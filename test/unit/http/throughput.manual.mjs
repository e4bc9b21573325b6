/**
 * A manual micro-benchmark of the HTTP client (not a test; vitest only picks up *.test.ts):
 * N virtual users, each looping `await http.get('/')` on its own client, against a trivial
 * node:http server in a CHILD process, so this process's CPU time is the client's alone.
 * Prints requests/s, client CPU-seconds and requests per client CPU-second, the figure to
 * compare with autocannon (~62k req per CPU-second on the project machine, see
 * ../shared/peers/peers-results.md). `reqPerClientCpuSecond` is the steady state after the
 * warm-up; `wholeRunReqPerCpuSecond` counts every request and all CPU since the script started
 * (loading and JIT warm-up included), as timing a whole CLI run would.
 *
 *   npx esbuild src/protocols/http/index.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/http-bundle.mjs \
 *     --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
 *   taskset -c 1 node test/unit/http/throughput.manual.mjs [--bundle /tmp/http-bundle.mjs] \
 *     [--users 50] [--seconds 5] [--warmup 2] [--connections 6] [--target http://127.0.0.1:8080]
 *
 * The server child is pinned to CPU 0 when `taskset` exists; run this script pinned to another
 * CPU (as above) so client and server do not share a core. A one-core Node server tops out
 * below what the client can send, leaving the client part idle (and less efficient per request);
 * to load the client fully, pass --target with a faster local server (e.g. nginx with
 * `return 200 "ok"`, as in ../shared/peers/peers.sh), and no child is started. The recorder is a
 * counting stub: this measures the client, not the histograms.
 */

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const bundle = args.get('bundle') ?? '/tmp/http-bundle.mjs';
const users = Number(args.get('users') ?? 50);
const seconds = Number(args.get('seconds') ?? 5);
const warmup = Number(args.get('warmup') ?? 2);
const connections = Number(args.get('connections') ?? 6);

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': 2 });
  res.end('ok');
});
server.keepAliveTimeout = 75000;
server.headersTimeout = 76000;
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => console.log(server.address().port));
`;

/** Starts the server child (pinned to CPU 0 when possible) and resolves its URL. */
async function startServer() {
  const pin = spawnSync('taskset', ['--version']).status === 0;
  const child = pin
    ? spawn('taskset', ['-c', '0', process.execPath, '-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout, 'data');
  return { child, url: `http://127.0.0.1:${String(line).trim()}` };
}

/** Counts what a real recorder would store, without histograms. */
class CountingRecorder {
  requests = 0;
  failures = 0;
  totalUs = 0;
  rows = new Map();
  scope() {
    return 0;
  }
  endpoint(scope, method, name) {
    const key = `${scope} ${method} ${name}`;
    let id = this.rows.get(key);
    if (id === undefined) {
      id = this.rows.size;
      this.rows.set(key, id);
    }
    return id;
  }
  record(_endpoint, durationUs, _ttfbUs, _status, _bytesIn, _bytesOut, failed) {
    this.requests++;
    this.totalUs += durationUs;
    if (failed) this.failures++;
  }
  markFailed() {}
  error() {}
  check() {}
  iteration() {}
  droppedIteration() {}
}

const cpuAtStart = process.cpuUsage();
const { HttpClient } = await import(pathToFileURL(bundle).href);
const server = args.has('target') ? { child: undefined, url: args.get('target') } : await startServer();
const recorder = new CountingRecorder();
const clients = Array.from(
  { length: users },
  () =>
    new HttpClient({ baseUrl: server.url, recorder, connections, headers: { 'user-agent': 'volley/bench' } }),
);

let running = true;
async function loop(http) {
  while (running) await http.get('/');
}
const loops = clients.map(loop);

await new Promise((r) => setTimeout(r, warmup * 1000));
const startCount = recorder.requests;
const startFailures = recorder.failures;
const startTotalUs = recorder.totalUs;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - t0) / 1000;
const count = recorder.requests - startCount;
const failures = recorder.failures - startFailures;
const meanMs = (recorder.totalUs - startTotalUs) / count / 1000;
running = false;
await Promise.all(loops);
await Promise.all(clients.map((c) => c.close()));
server.child?.kill();

const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// Like timing a whole CLI run: warm-up and loading included, for comparison with other tools.
const whole = process.cpuUsage(cpuAtStart);
const wholeCpuSeconds = (whole.user + whole.system) / 1e6;
console.log(
  JSON.stringify({
    users,
    connections,
    seconds: Number(wall.toFixed(2)),
    requests: count,
    failures,
    rps: Math.round(count / wall),
    meanMs: Number(meanMs.toFixed(3)),
    clientCpuSeconds: Number(cpuSeconds.toFixed(2)),
    clientCpuPercent: Math.round((cpuSeconds / wall) * 100),
    reqPerClientCpuSecond: Math.round(count / cpuSeconds),
    wholeRunReqPerCpuSecond: Math.round(recorder.requests / wholeCpuSeconds),
  }),
);

// Where the bytes of a virtual user go: heap snapshots of volley holding N1 and N2 users (closed
// model, each user looping a GET of the 20 ms server over keep-alive, no wait), summed by
// constructor, and (sum(N2) − sum(N1)) / (N2 − N1): the bytes each extra user costs, per
// constructor and per component (the connection, volley's HTTP client, the virtual user, async
// machinery, strings and arrays), beside process.memoryUsage()'s rss, external and arrayBuffers.
// bench/memory.mjs gives the total by RSS; this says what it is made of.
//
//   npm run build && node bench/heap-per-user.mjs
//   HEAP_USERS=1000,5000 HEAP_DIST=/path/to/other/volley/dist node bench/heap-per-user.mjs
//   HEAP_DIST=/old/volley/dist,dist node bench/heap-per-user.mjs   # several builds, then side by side
//   HEAP_AT=7 HEAP_SECONDS=12 HEAP_KEEP=1 node bench/heap-per-user.mjs   # keep the snapshots
//
// Each count runs in a fresh process (`--expose-gc`) through volley's programmatic run() from
// `${HEAP_DIST}/index.js`; at HEAP_AT seconds (every user started and looping) it collects
// garbage, reads process.memoryUsage() and writes a heap snapshot, which it sums once the run has
// ended (bench/lib/heap-snapshot.mjs) and then deletes. Heap bytes are not timing-sensitive, but
// the table prints the users alive, requests and failures at snapshot time: a run with failures
// or users not yet started measures something else.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';
import { summarizeHeapSnapshot } from './lib/heap-snapshot.mjs';
import { fmt, knob, log, table } from './lib/stats.mjs';
import { startNodeServer } from './targets/pinned-targets.mjs';

const SELF = fileURLToPath(import.meta.url);
const AT_SECONDS = knob('HEAP_AT', 7);
const SECONDS = knob('HEAP_SECONDS', 12);
const TOP_CONSTRUCTORS = 40;
const TOP_HOLDERS = 30;

/** The child: one run of `users`, a snapshot at AT_SECONDS, its sums written to `out`. */
async function child([users, host, dist, out]) {
  const volley = await import(pathToFileURL(join(dist, 'index.js')).href);
  const { run, defineScenario, defineUser, constant } = volley;
  const scenario = defineScenario({
    users: [defineUser({ name: 'u', wait: constant(0), tasks: [{ run: ({ http }) => http.get('/') }] })],
  });
  let progress = null;
  const watcher = { name: 'heap-watch', onProgress: (p) => (progress = p) };
  const snapshotPath = `${out}.heapsnapshot`;
  let atSnapshot = null;
  setTimeout(() => {
    globalThis.gc();
    const memory = process.memoryUsage();
    const { users: alive = NaN, requests = NaN, failures = NaN, taskErrors = NaN } = progress ?? {};
    writeHeapSnapshot(snapshotPath);
    atSnapshot = { memory, alive, requests, failures, taskErrors };
  }, AT_SECONDS * 1000);
  const result = await run(scenario, {
    host,
    users: Number(users),
    spawnRate: 1_000_000,
    duration: `${SECONDS}s`,
    quiet: true,
    outputs: [watcher],
  });
  if (atSnapshot === null) throw new Error(`the run ended before the snapshot at ${AT_SECONDS} s`);
  const summary = summarizeHeapSnapshot(snapshotPath);
  if (process.env.HEAP_KEEP !== '1') rmSync(snapshotPath, { force: true });
  const entries = (map) => [...map].map(([key, v]) => [key, v.count, v.bytes]);
  const { requests, failures } = result.totals;
  writeFileSync(
    out,
    JSON.stringify({
      users: Number(users),
      ...atSnapshot,
      end: { requests, failures },
      heap: { totalBytes: summary.totalBytes, nodeCount: summary.nodeCount },
      kind: entries(summary.kind),
      charged: entries(summary.charged),
      holder: entries(summary.holder),
    }),
  );
}

// The components a reader knows, by constructor (src/protocols/http/ and src/engine/ name
// volley's classes; Node's are its socket, stream state, handles and buffers).
const CONNECTION = new Set(['Socket', 'TCP', 'TCPWrap', 'TCPConnectWrap', 'WriteWrap', 'ShutdownWrap', 'WritableState', 'ReadableState', 'BufferList', 'Timeout', 'TimersList', 'Buffer', 'FastBuffer', 'Uint8Array', 'ArrayBuffer', 'DataView', 'system / JSArrayBufferData']);
const HTTP_CLIENT = new Set(['HttpClient', 'ConnectionPool', 'Lane', 'Http1Connection', 'ResponseParser', 'Exchange', 'ReceivingResponse', 'Response', 'ResponseHead', 'RequestPlan', 'RequestHeaders', 'Targets', 'CookieJar', 'EndpointCache', 'HeadCache', 'ReasonPhrases', 'ConnectionError', 'Http2Client', 'Http2Exchange', 'Http2OriginSession']);
const VIRTUAL_USER = new Set(['VirtualUser', 'Context', 'Random', 'MetricHandles', 'Measurements', 'SseClient', 'WsClient', 'GrpcUser', 'IterationBudget', 'RowFeed', 'AbortController', 'AbortSignal', 'EventTarget', 'WeakRef']);
const RUN_WIDE = new Set(['IntervalRecorder', 'FastIndexHistogram', 'RowStats', 'Row', 'RowErrors', 'ScopeRows', 'StatsWindow', 'TimeSeries', 'ErrorTable', 'ErrorGroup', 'RecorderErrors', 'RecorderMetricHandle', 'CustomMetricStore', 'CustomMetricTotals', 'CheckCounter', 'SlowRequestLog', 'SlowestRequests', 'LoadEngine', 'UserPool', 'LocalDriver', 'SegmentRunner', 'PhaseTracker', 'RunAggregate']);
const ASYNC = /^(\(closure\)|Promise|Generator|AsyncGenerator|system \/ (Context|Promise\w*|\w*Microtask\w*|AsyncFunction\w*))$/;
const COMPONENTS = [
  ['the connection', (k) => CONNECTION.has(k) || k.startsWith('Node / '), 'Node socket, TCP handle, stream state, buffers, timers'],
  ["volley's HTTP client", (k) => HTTP_CLIENT.has(k), 'src/protocols/http/'],
  ['the virtual user', (k) => VIRTUAL_USER.has(k), 'src/engine/: user, context, handles, its stop signal'],
  ['run-wide state', (k) => RUN_WIDE.has(k), 'recorder, histograms, engine: should not grow with users'],
  ['async machinery', (k) => ASYNC.test(k), 'promises, reactions, generators, closures and their contexts'],
  ['strings, arrays, maps, plain objects', (k) => k.startsWith('(') && !/^\((object shape|compiled code)\)$/.test(k) || /^(Object|Array|Map|Set|WeakMap|WeakSet|system \/ PropertyArray)$/.test(k), 'by holder'],
  ['object shapes and code', (k) => /^\((object shape|compiled code)\)$/.test(k), 'hidden classes (a shape of its own is a dictionary-mode or one-off object)'],
  ['other', () => true, ''],
];
const componentOf = (key) => COMPONENTS.findIndex(([, test]) => test(key));

/** key → bytes (and count) per extra user, from the first run to the last. */
function perUser(first, last, field) {
  const users = last.users - first.users;
  const diff = new Map();
  for (const [sign, r] of [[-1, first], [1, last]]) {
    for (const [key, count, bytes] of r[field]) {
      const d = diff.get(key) ?? { count: 0, bytes: 0 };
      d.count += (sign * count) / users;
      d.bytes += (sign * bytes) / users;
      diff.set(key, d);
    }
  }
  return [...diff].sort((a, b) => b[1].bytes - a[1].bytes);
}

const top = (rows, n) => rows.filter(([, d]) => Math.abs(d.bytes) >= 8).slice(0, n).map(([k, d]) => `${k} ${fmt(d.bytes)}`).join(', ');

/** Bytes per extra user by component: by constructor, and charged with what each holds. */
function components(first, last) {
  const kind = perUser(first, last, 'kind');
  const charged = perUser(first, last, 'charged');
  const holder = perUser(first, last, 'holder');
  return COMPONENTS.map(([name, , about], i) => {
    const own = kind.filter(([k]) => componentOf(k) === i);
    const held = charged.filter(([k]) => componentOf(k) === i);
    const sum = (rows) => rows.reduce((total, [, d]) => total + d.bytes, 0);
    const generic = name.startsWith('async') || name.startsWith('strings');
    const inside = generic
      ? top(holder.filter(([k]) => componentOf(k.split(' ← ')[0]) === i), 5)
      : top(name === 'other' ? held : own, 6);
    return { name, about, bytes: sum(own), charged: sum(held), inside };
  });
}

function report(runs, dist) {
  const [first, last] = [runs[0], runs.at(-1)];
  const users = last.users - first.users;
  const per = (pick) => (pick(last) - pick(first)) / users;
  const memory = ['rss', 'heapUsed', 'external', 'arrayBuffers'];
  const parts = components(first, last);
  return [
    `### Heap per virtual user: ${dist} (20 ms server, keep-alive, closed model, snapshot at ${AT_SECONDS} s of ${SECONDS} s)`,
    '',
    table(
      ['users', 'alive at snapshot', 'requests', 'failures', 'task errors', 'heap snapshot MB', ...memory.map((m) => `${m} MB`), 'requests (end)', 'failures (end)'],
      runs.map((r) => [fmt(r.users), fmt(r.alive), fmt(r.requests), fmt(r.failures), fmt(r.taskErrors), fmt(r.heap.totalBytes / 1e6, 1), ...memory.map((m) => fmt(r.memory[m] / 1e6, 1)), fmt(r.end.requests), fmt(r.end.failures)]),
    ),
    '',
    `Per extra user (${fmt(first.users)} → ${fmt(last.users)}): heap snapshot **${fmt(per((r) => r.heap.totalBytes))} B**, ` +
      memory.map((m) => `${m} ${fmt(per((r) => r.memory[m]))} B`).join(', ') +
      `; ${fmt(per((r) => r.heap.nodeCount), 1)} heap objects.`,
    '',
    table(
      ['component', 'B per extra user', 'with what it holds', 'what is in it (B per user)'],
      [...parts.filter((p) => Math.abs(p.bytes) >= 1 || Math.abs(p.charged) >= 1).map((p) => [`${p.name} (${p.about})`, fmt(p.bytes), fmt(p.charged), p.inside]),
        ['**total (heap snapshot)**', `**${fmt(parts.reduce((t, p) => t + p.bytes, 0))}**`, fmt(parts.reduce((t, p) => t + p.charged, 0)), '']],
    ),
    '',
    `"with what it holds" charges each string, array, number, plain object, Map, closure and context to the object that alone keeps it alive (up its dominators past containers); what several users share stays where it is.`,
    '',
    '#### Top constructors (B and objects per extra user)',
    '',
    table(['constructor', 'B per user', 'objects per user', 'component'], perUser(first, last, 'kind').slice(0, TOP_CONSTRUCTORS).map(([k, d]) => [k, fmt(d.bytes), fmt(d.count, 2), COMPONENTS[componentOf(k)][0]])),
    '',
    '#### Top holders of strings, arrays, containers and closures (B per extra user)',
    '',
    table(['what ← held by', 'B per user', 'objects per user'], perUser(first, last, 'holder').slice(0, TOP_HOLDERS).map(([k, d]) => [k.replaceAll('|', '\\|'), fmt(d.bytes), fmt(d.count, 2)])),
    '',
  ].join('\n');
}

function runChild(users, host, dist, prefix) {
  const out = `${prefix}-heap-${users}.json`;
  const args = ['--expose-gc', '--max-old-space-size=4096', SELF, 'child', String(users), host, dist, out];
  return new Promise((resolveRun, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`the ${users}-user child exited with ${code}`));
      else resolveRun(JSON.parse(readFileSync(out, 'utf8')));
    });
  });
}

/** The runs of one volley build (`dist`), one fresh process per user count. */
async function measure(dist, users, host, dir) {
  const runs = [];
  for (const count of users) {
    log(`heap · ${count} users from ${dist}…`);
    const r = await runChild(count, host, dist, dir);
    log(`heap · ${count} users: ${fmt(r.alive)} alive, ${fmt(r.requests)} requests, ${fmt(r.failures)} failures at the snapshot; heap ${fmt(r.heap.totalBytes / 1e6, 1)} MB`);
    runs.push(r);
  }
  return runs;
}

/** Several builds side by side: bytes per extra user by component and in total. */
function sideBySide(measured) {
  const per = (runs, pick) => (pick(runs.at(-1)) - pick(runs[0])) / (runs.at(-1).users - runs[0].users);
  const byBuild = measured.map(({ runs }) => components(runs[0], runs.at(-1)));
  const rows = COMPONENTS.map(([name], i) => [name, ...byBuild.map((parts) => `${fmt(parts[i].bytes)} (${fmt(parts[i].charged)})`)]);
  rows.push(['**heap snapshot total**', ...measured.map(({ runs }) => `**${fmt(per(runs, (r) => r.heap.totalBytes))}**`)]);
  for (const m of ['heapUsed', 'rss', 'external', 'arrayBuffers']) rows.push([`process.memoryUsage().${m}`, ...measured.map(({ runs }) => fmt(per(runs, (r) => r.memory[m])))]);
  return [
    '### Side by side: B per extra user by component (in parentheses: with what it holds)',
    '',
    table(['component', ...measured.map(({ dist }) => dist)], rows),
    '',
  ].join('\n');
}

async function main() {
  const users = (process.env.HEAP_USERS ?? '1000,5000').split(',').map(Number);
  const dists = (process.env.HEAP_DIST ?? fileURLToPath(new URL('../dist', import.meta.url))).split(',').map((d) => resolve(d));
  const dir = mkdtempSync(join(tmpdir(), 'volley-bench-heap-'));
  const server = await startNodeServer(20);
  const measured = [];
  try {
    for (const [i, dist] of dists.entries()) {
      measured.push({ dist, runs: await measure(dist, users, server.url, join(dir, String(i))) });
    }
  } finally {
    server.stop();
    if (process.env.HEAP_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    else log(`heap · snapshots kept in ${dir}`);
  }
  for (const { dist, runs } of measured) process.stdout.write(`${report(runs, dist)}\n`);
  if (measured.length > 1) process.stdout.write(sideBySide(measured));
}

if (process.argv[2] === 'child') await child(process.argv.slice(3));
else await main();

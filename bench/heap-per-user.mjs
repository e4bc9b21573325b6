// Where the bytes of a virtual user go: heap snapshots of volley holding N1 and N2 users (closed
// model, each user looping a GET of the 20 ms server over keep-alive, no wait), summed by
// constructor, and (sum(N2) − sum(N1)) / (N2 − N1): the bytes each extra user costs, per
// constructor and per component (the connection, volley's HTTP client, the virtual user, async
// machinery, strings and arrays), beside process.memoryUsage() and V8's heap spaces, running and
// after a full GC. bench/memory.mjs gives the total by RSS; this says what it is made of.
//
//   npm run build && node bench/heap-per-user.mjs
//   HEAP_USERS=1000,5000 HEAP_DIST=/path/to/other/volley/dist node bench/heap-per-user.mjs
//   HEAP_DIST=/old/volley/dist,dist node bench/heap-per-user.mjs   # several builds, then side by side
//   HEAP_AT=7 HEAP_SECONDS=40 HEAP_KEEP=1 node bench/heap-per-user.mjs   # keep the snapshots
//
// Each count runs in a fresh process (`--expose-gc`) through volley's programmatic run() from
// `${HEAP_DIST}/index.js`; it samples its memory every 250 ms (the median of the second half is
// "running", garbage included), and at HEAP_AT seconds, or once the live progress counts every
// user started (at most HEAP_SECONDS), collects garbage, reads its memory again and writes a heap
// snapshot; then stops the run, sums the snapshot (bench/lib/heap-snapshot.mjs) and deletes it. Heap bytes are not timing-sensitive, but
// the table prints the users alive, requests and failures at snapshot time: a run with failures
// or users not yet started measures something else.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { summarizeHeapSnapshot } from './lib/heap-snapshot.mjs';
import { fmt, knob, log, median, table } from './lib/stats.mjs';
import { startNodeServer } from './targets/pinned-targets.mjs';

const SELF = fileURLToPath(import.meta.url);
const AT_SECONDS = knob('HEAP_AT', 7);
const SECONDS = knob('HEAP_SECONDS', 40);
const TOP_CONSTRUCTORS = 40;
const TOP_HOLDERS = 30;

/**
 * process.memoryUsage() with the rest of the RSS (what is neither V8's heap nor external memory:
 * malloc'd handles and buffers, thread stacks) and what each V8 heap space holds in memory.
 */
function memoryFigures() {
  const m = process.memoryUsage();
  const figures = { ...m, 'rss − heapTotal − external': m.rss - m.heapTotal - m.external };
  for (const space of getHeapSpaceStatistics()) figures[`V8 ${space.space_name}`] = space.physical_space_size;
  return figures;
}

/** Each figure's median over the samples. */
function medians(samples) {
  return Object.fromEntries(Object.keys(samples[0] ?? {}).map((key) => [key, median(samples.map((s) => s[key]))]));
}

/** Memory figures, a full GC, the same figures again and a heap snapshot written to `path`. */
function takeSnapshot(samples, progress, path) {
  const running = medians(samples.slice(Math.floor(samples.length / 2)));
  globalThis.gc();
  const memory = memoryFigures();
  const { users: alive = NaN, requests = NaN, failures = NaN, taskErrors = NaN } = progress ?? {};
  writeHeapSnapshot(path);
  return { running, memory, alive, requests, failures, taskErrors };
}

/**
 * The child: one run of `users`; at AT_SECONDS, or later once the live progress counts every
 * user started, a snapshot; then the run is stopped and the snapshot's sums written to `out`.
 */
async function child([users, host, dist, out]) {
  const volley = await import(pathToFileURL(join(dist, 'index.js')).href);
  const { run, defineScenario, defineUser, constant } = volley;
  const scenario = defineScenario({
    users: [defineUser({ name: 'u', wait: constant(0), tasks: [{ run: ({ http }) => http.get('/') }] })],
  });
  let progress = null;
  const watcher = { name: 'heap-watch', onProgress: (p) => (progress = p) };
  const snapshotPath = `${out}.heapsnapshot`;
  const stop = new AbortController();
  const started = performance.now();
  let atSnapshot = null;
  const samples = [];
  const ticker = setInterval(() => {
    samples.push(memoryFigures());
    const seconds = (performance.now() - started) / 1000;
    const allStarted = progress !== null && progress.users >= Number(users);
    if (seconds < AT_SECONDS || (!allStarted && seconds < SECONDS - 2)) return;
    clearInterval(ticker);
    atSnapshot = { ...takeSnapshot(samples, progress, snapshotPath), seconds };
    stop.abort();
  }, 250);
  const result = await run(scenario, {
    host,
    users: Number(users),
    spawnRate: 1_000_000,
    duration: `${SECONDS}s`,
    quiet: true,
    outputs: [watcher],
    signal: stop.signal,
  });
  clearInterval(ticker);
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

/** Objects of one constructor in a run's heap. */
const count = (run, kind) => run.kind.find(([key]) => key === kind)?.[1] ?? 0;

function report(runs, dist) {
  const [first, last] = [runs[0], runs.at(-1)];
  const users = last.users - first.users;
  const per = (pick) => (pick(last) - pick(first)) / users;
  const parts = components(first, last);
  const mem = (r, when, key) => (r[when][key] ?? NaN) / 1e6;
  return [
    `### Heap per virtual user: ${dist} (20 ms server, keep-alive, closed model, snapshot once every user has started, at ${AT_SECONDS} s at the earliest)`,
    '',
    table(
      ['users', 'snapshot at s', 'alive (live progress)', 'VirtualUser / Socket in the heap', 'requests', 'failures', 'task errors', 'heap snapshot MB', 'heap objects', 'requests (end)', 'failures (end)'],
      runs.map((r) => [fmt(r.users), fmt(r.seconds, 1), fmt(r.alive), `${fmt(count(r, 'VirtualUser'))} / ${fmt(count(r, 'Socket'))}`, fmt(r.requests), fmt(r.failures), fmt(r.taskErrors), fmt(r.heap.totalBytes / 1e6, 1), fmt(r.heap.nodeCount), fmt(r.end.requests), fmt(r.end.failures)]),
    ),
    '',
    `Per extra user (${fmt(first.users)} → ${fmt(last.users)}): **${fmt(per((r) => r.heap.totalBytes))} B** of live heap (the snapshot), ${fmt(per((r) => r.heap.nodeCount), 1)} heap objects.`,
    '',
    'Process memory: running (the median of the second half of the samples before the snapshot, garbage included) and after the full GC before the snapshot:',
    '',
    table(
      ['figure', ...runs.map((r) => `${fmt(r.users)} running MB`), 'B per extra user running', ...runs.map((r) => `${fmt(r.users)} after GC MB`), 'B per extra user after GC'],
      Object.keys(last.memory).filter((key) => runs.some((r) => r.running[key] > 0 || r.memory[key] > 0)).map((key) => [
        key,
        ...runs.map((r) => fmt(mem(r, 'running', key), 1)),
        `**${fmt(per((r) => r.running[key]))}**`,
        ...runs.map((r) => fmt(mem(r, 'memory', key), 1)),
        fmt(per((r) => r.memory[key])),
      ]),
    ),
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
  for (const when of ['running', 'memory']) {
    for (const m of ['rss', 'heapTotal', 'heapUsed', 'external', 'rss − heapTotal − external']) {
      rows.push([`${m} (${when === 'memory' ? 'after GC' : 'running'})`, ...measured.map(({ runs }) => fmt(per(runs, (r) => r[when][m])))]);
    }
  }
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

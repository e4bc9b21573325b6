// A distributed run's coordinator under 50 workers: one real coordinator (`volley run --url …
// --coordinator`, pinned to CPU 1) and 50 simulated remote workers on loopback (pinned to CPU 0,
// bench/coordinator-workers.mjs) sending it snapshot deltas of 20 rows with histograms every
// second over volley's own wire protocol. Reports the coordinator's CPU %, its RSS, the tick
// latency (a worker's send to the coordinator's merged tick, seen as its NDJSON `interval` line,
// `--out ndjson=-`) and the bytes per tick per worker on the wire.
//
//   node bench/coordinator.mjs          # COORD_WORKERS=50 COORD_ROWS=20 COORD_SECONDS=20
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CLI } from './generators/volley-url.mjs';
import { cpuSecondsOf, killTree, memoryOf, pinned } from './lib/process.mjs';
import { fmt, knob, log, mb, median, percentile, table } from './lib/stats.mjs';

const WORKERS = knob('COORD_WORKERS', 50);
const ROWS = knob('COORD_ROWS', 20);
const SECONDS = knob('COORD_SECONDS', Math.max(knob('BENCH_SECONDS', 20), 5));
const SIMULATOR = fileURLToPath(new URL('./coordinator-workers.mjs', import.meta.url));
const epochNow = () => performance.timeOrigin + performance.now();

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});

/** Spawns `args` under node pinned to `cpu`; calls `onLine(line, time)` per stdout line. */
function start(cpu, args, onLine) {
  const [cmd, outer] = pinned(cpu, process.execPath, args);
  const child = spawn(cmd, outer, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let listening;
  const ready = new Promise((resolve) => (listening = resolve));
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-3000);
    if (stderr.includes('listening')) listening();
  });
  createInterface({ input: child.stdout }).on('line', (line) => onLine(line, epochNow()));
  const killer = setTimeout(() => killTree(child.pid), (SECONDS + 90) * 1000);
  const exited = new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    }),
  );
  return { pid: child.pid, exited, ready };
}

const ticks = [];
const usage = [];
const coordinator = start(
  1,
  [CLI, 'run', '--url', 'http://127.0.0.1:9/', '-u', String(WORKERS * 10), '-t', `${SECONDS}s`, '--coordinator',
    '--expect-workers', String(WORKERS), '--bind', `127.0.0.1:${port}`, '--out', 'ndjson=-', '-q'],
  (line, time) => {
    if (!line.startsWith('{"type":"interval"')) return;
    ticks.push(time);
    try {
      usage.push({ time, cpuSeconds: cpuSecondsOf(coordinator.pid), ...memoryOf(coordinator.pid) });
    } catch {
      // exiting
    }
  },
);
await Promise.race([coordinator.ready, new Promise((r) => setTimeout(r, 15_000))]);
const sends = [];
let extensions = '';
const simulator = start(0, [SIMULATOR, `ws://127.0.0.1:${port}`, String(WORKERS), String(ROWS), String(SECONDS)], (line) => {
  const message = JSON.parse(line);
  if (message.summary) extensions = message.extensions;
  else sends.push(message);
});
log(`coordinator: ${WORKERS} simulated workers × ${ROWS} rows, ${SECONDS} s, port ${port}`);
const [coord, sim] = await Promise.all([coordinator.exited, simulator.exited]);
if (coord.code !== 0 && coord.code !== 1) log(`coordinator exited with ${coord.code}: ${coord.stderr}`);
if (sim.code !== 0) log(`simulator exited with ${sim.code}: ${sim.stderr}`);

// The tick that merged a send: the first interval line read after it.
const latencies = sends
  .map((s) => ticks.find((t) => t >= s.sentAt))
  .map((t, i) => (t === undefined ? NaN : t - sends[i].sentAt))
  .filter(Number.isFinite);
const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
// The steady window: from the first tick after every worker sent once to the last full tick.
const steady = usage.filter((u) => u.time > (sends[WORKERS - 1]?.sentAt ?? Infinity));
const first = steady[0];
const last = steady.at(-2) ?? steady.at(-1);
const cpuPct = first === undefined || last === first ? NaN : (100 * (last.cpuSeconds - first.cpuSeconds) * 1000) / (last.time - first.time);
const bytes = sends.map((s) => s.bytes);
// The coordinator's CPU per snapshot it took in, over the same window: what one worker-tick costs.
const inWindow = first === undefined ? 0 : sends.filter((x) => x.sentAt > first.time && x.sentAt <= last.time).length;
const cpuMsPerSnapshot = inWindow === 0 ? NaN : ((last.cpuSeconds - first.cpuSeconds) * 1000) / inWindow;

process.stdout.write(
  [
    `### Coordinator under ${WORKERS} remote workers (simulated, loopback), ${ROWS} rows each, ${SECONDS} s`,
    '',
    table(
      ['coordinator CPU %', 'CPU ms per snapshot', 'coordinator RSS MB', 'tick latency p50 ms', 'p99 ms', 'max ms', 'tick gap p99 − 1000 ms', 'bytes per tick per worker (median)', 'wire bytes per tick, all workers', 'snapshots sent', 'ticks seen'],
      [[
        fmt(cpuPct, 1),
        fmt(cpuMsPerSnapshot, 2),
        mb(median(usage.map((u) => u.rssBytes))),
        fmt(percentile(latencies, 50)),
        fmt(percentile(latencies, 99)),
        fmt(Math.max(...latencies)),
        fmt(percentile(gaps, 99) - 1000),
        fmt(median(bytes)),
        fmt(median(bytes) * WORKERS),
        fmt(sends.length),
        fmt(ticks.length),
      ]],
    ),
    '',
    `Tick latency counts from a worker's send to the first NDJSON \`interval\` line the coordinator wrote after it: it includes the wait for the coordinator's next 1 s tick (0–1,000 ms, set by when the workers started against the coordinator's schedule), the frame's JSON parse and schema check, the histograms' decoding and the merge. CPU % is the coordinator's (all threads, /proc/<pid>/stat, 10 ms ticks) between the first tick after every worker's first snapshot and the last full tick; CPU ms per snapshot divides that CPU by the snapshots sent in the same window (the coordinator's cost of one worker-tick, whatever the phase: × workers ÷ 10 gives its CPU % at that many workers). WebSocket extensions negotiated: ${extensions === '' ? 'none (no compression)' : extensions}.`,
    '',
  ].join('\n'),
);

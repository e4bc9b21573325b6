// Scaling out on one machine: nginx pinned to CPU 0, volley `--url` with `--workers 1, 2, …`
// pinned to the other cores (all of them together), interleaved reps. Requests/s, CPU-seconds
// per worker, and the main thread's cost of merging the workers' snapshots at 1 s ticks
// (bench/merge.mjs). On a 2-core machine only CPU 1 is spare: `--workers 2` then shares one
// core, which shows the cost of a second worker, not its gain. The table says so.
//
//   node bench/scale-out.mjs            # BENCH_SECONDS (10), BENCH_REPS (3)
//   SCALE_WORKERS=1,2,4 SCALE_USERS_PER_WORKER=50 node bench/scale-out.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { volleyUrl } from './generators/volley-url.mjs';
import { runGenerator } from './lib/generator-run.mjs';
import { CORES, GENERATOR_CPUS, threadCpuSeconds } from './lib/process.mjs';
import { fmt, knob, log, median, table } from './lib/stats.mjs';
import { mergeCostMs } from './merge.mjs';
import { startFastTarget } from './targets/pinned-targets.mjs';

const SECONDS = knob('BENCH_SECONDS', 10);
const REPS = knob('BENCH_REPS', 3);
const SPARE = Math.max(1, CORES - 1);
const WORKERS = (process.env.SCALE_WORKERS ?? defaultCounts().join(',')).split(',').map(Number);
const USERS_PER_WORKER = knob('SCALE_USERS_PER_WORKER', 50);
const ROWS = knob('SCALE_MERGE_ROWS', 20);
const dir = mkdtempSync(join(tmpdir(), 'volley-bench-scale-'));

/** 1, 2, then doubling up to the spare cores (at most 16, volley's `auto` ceiling). */
function defaultCounts() {
  const counts = [1, 2];
  for (let n = 4; n <= Math.min(16, SPARE); n *= 2) counts.push(n);
  if (SPARE > 2 && !counts.includes(Math.min(16, SPARE))) counts.push(Math.min(16, SPARE));
  return counts;
}

/**
 * Per-thread CPU while the run goes, every 500 ms: the main thread's share, and each of the
 * `workers` busiest other threads' (the worker threads; Node names every thread `node`, so the
 * busiest stand for them), over the sampled window.
 */
function sampleThreads(workers) {
  // Each thread's CPU when first and last seen: worker threads start after the first sample and
  // end before the process does, so the last sample may no longer list them.
  const seen = new Map();
  let pid;
  let timer;
  let [from, to] = [NaN, NaN];
  return {
    onStart: (started) => {
      pid = started;
      timer = setInterval(() => {
        try {
          const threads = threadCpuSeconds(pid);
          const now = performance.now();
          if (Number.isNaN(from)) from = now;
          to = now;
          for (const [tid, cpu] of threads) {
            const known = seen.get(tid);
            if (known === undefined) seen.set(tid, { first: now === from ? cpu : 0, last: cpu });
            else known.last = cpu;
          }
        } catch {
          clearInterval(timer);
        }
      }, 500);
    },
    shares: () => {
      clearInterval(timer);
      if (!(to > from)) return { mainPct: NaN, workerPcts: [] };
      const pct = ({ first, last }) => (100 * 1000 * (last - first)) / (to - from);
      const others = [...seen].filter(([tid]) => tid !== pid).map(([, cpu]) => pct(cpu)).sort((x, y) => y - x);
      return { mainPct: seen.has(pid) ? pct(seen.get(pid)) : NaN, workerPcts: others.slice(0, workers) };
    },
  };
}

const target = await startFastTarget();
const runs = new Map(WORKERS.map((w) => [w, []]));
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const workers of WORKERS) {
      const spec = volleyUrl({ url: target.url, users: USERS_PER_WORKER * workers, seconds: SECONDS, workers, dir });
      const threads = sampleThreads(workers);
      const r = await runGenerator(spec, { seconds: SECONDS, onStart: threads.onStart });
      runs.get(workers).push({ ...r, ...threads.shares() });
      log(`scale-out · --workers ${workers} rep ${rep + 1}: ${fmt(r.requests / r.seconds)} rps, ${fmt(r.cpuSeconds, 1)} CPU-s`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  target.stop();
}

const rows = WORKERS.map((workers) => {
  const rs = runs.get(workers);
  const rps = median(rs.map((r) => r.requests / r.seconds));
  const cpuPct = median(rs.map((r) => (100 * r.cpuSeconds) / r.wallSeconds));
  const merge = mergeCostMs(workers, ROWS);
  const mainPct = median(rs.map((r) => r.mainPct));
  // With --workers 1 the load runs on the main thread (no worker threads).
  const workerPcts = workers === 1 ? '–' : rs.at(Math.floor(rs.length / 2)).workerPcts.map((p) => fmt(p)).join(', ');
  return { workers, rps, cpuPct, mainPct, workerPcts, perCpu: median(rs.map((r) => r.requests / r.cpuSeconds)), merge, errors: rs.reduce((s, r) => s + r.errors, 0) };
});
const one = rows.find((r) => r.workers === 1);
process.stdout.write(
  [
    `### Scale-out: --workers on CPUs ${GENERATOR_CPUS} (${SPARE} spare core${SPARE > 1 ? 's' : ''}), target (${target.name}) on CPU 0, ${SECONDS} s, median of ${REPS}`,
    '',
    table(
      ['--workers', 'users', 'rps', 'vs 1 worker', 'CPU % (process)', 'CPU % per worker', 'main thread CPU %', 'worker threads CPU %', 'req per CPU-s', 'merge ms CPU per s', 'merge % of a core per worker', 'errors'],
      rows.map((r) => [
        r.workers + (r.workers > SPARE ? ' (more than the spare cores)' : ''),
        fmt(USERS_PER_WORKER * r.workers),
        fmt(r.rps),
        one === undefined ? '–' : fmt(r.rps / one.rps, 2),
        fmt(r.cpuPct),
        fmt(r.cpuPct / r.workers),
        fmt(r.mainPct),
        r.workerPcts,
        fmt(r.perCpu),
        fmt(r.merge, 2),
        fmt(r.merge / 10 / r.workers, 3),
        r.errors,
      ]),
    ),
    '',
    `CPU % is the whole process's (main thread, workers, I/O) over its wall time, start-up included; per worker is that divided by the workers. The thread columns are sampled from /proc/<pid>/task every 500 ms while the run goes: the main thread (which merges and reports; with --workers 1 it also runs the load) and the busiest other threads, one per worker (Node names every thread \`node\`, so the busiest stand for the workers). The merge column is bench/merge.mjs's figure for that many workers × ${ROWS} rows (2,000 requests per worker-second), measured in this process.`,
    '',
  ].join('\n'),
);

// Scaling out on one machine: nginx pinned to CPU 0, volley `--url` with `--workers 1, 2, …`
// pinned to the other cores (all of them together), interleaved reps. Requests/s, CPU-seconds
// per worker, and the main thread's cost of merging the workers' snapshots at 1 s ticks
// (bench/merge.mjs). On a 2-core machine only CPU 1 is spare: `--workers 2` then shares one
// core, which shows the cost of a second worker, not its gain. The table says so.
//
//   node bench/scale-out.mjs            # BENCH_SECONDS (10), BENCH_REPS (3)
//   SCALE_WORKERS=1,2,4 SCALE_USERS_PER_WORKER=50 node bench/scale-out.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { volleyUrl } from './generators/volley-url.mjs';
import { runGenerator } from './lib/generator-run.mjs';
import { CORES, GENERATOR_CPUS } from './lib/process.mjs';
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

const target = await startFastTarget();
const runs = new Map(WORKERS.map((w) => [w, []]));
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const workers of WORKERS) {
      const spec = volleyUrl({ url: target.url, users: USERS_PER_WORKER * workers, seconds: SECONDS, workers, dir });
      const r = await runGenerator(spec, { seconds: SECONDS });
      runs.get(workers).push(r);
      log(`scale-out · --workers ${workers} rep ${rep + 1}: ${fmt(r.requests / r.seconds)} rps, ${fmt(r.cpuSeconds, 1)} CPU-s`);
    }
  }
} finally {
  target.stop();
}

const rows = WORKERS.map((workers) => {
  const rs = runs.get(workers);
  const rps = median(rs.map((r) => r.requests / r.seconds));
  const cpuPct = median(rs.map((r) => (100 * r.cpuSeconds) / r.wallSeconds));
  const merge = mergeCostMs(workers, ROWS);
  return { workers, rps, cpuPct, perCpu: median(rs.map((r) => r.requests / r.cpuSeconds)), merge, errors: rs.reduce((s, r) => s + r.errors, 0) };
});
const one = rows.find((r) => r.workers === 1);
process.stdout.write(
  [
    `### Scale-out: --workers on CPUs ${GENERATOR_CPUS} (${SPARE} spare core${SPARE > 1 ? 's' : ''}), target (${target.name}) on CPU 0, ${SECONDS} s, median of ${REPS}`,
    '',
    table(
      ['--workers', 'users', 'rps', 'vs 1 worker', 'CPU % (process)', 'CPU % per worker', 'req per CPU-s', 'merge ms CPU per s', 'merge % of a core per worker', 'errors'],
      rows.map((r) => [
        r.workers + (r.workers > SPARE ? ' (more than the spare cores)' : ''),
        fmt(USERS_PER_WORKER * r.workers),
        fmt(r.rps),
        one === undefined ? '–' : fmt(r.rps / one.rps, 2),
        fmt(r.cpuPct),
        fmt(r.cpuPct / r.workers),
        fmt(r.perCpu),
        fmt(r.merge, 2),
        fmt(r.merge / 10 / r.workers, 3),
        r.errors,
      ]),
    ),
    '',
    `CPU % is the whole process's (main thread, workers, I/O) over its wall time; per worker is that divided by the workers. The merge column is bench/merge.mjs's figure for that many workers × ${ROWS} rows (2,000 requests per worker-second), measured in this process.`,
    '',
  ].join('\n'),
);

// The open model on one core: volley at a constant arrival rate (default 20,000/s for 30 s,
// `volley run --url --rate`, `--workers 1`) pinned to CPU 1, nginx pinned to CPU 0. Does it
// hold the rate (within 1 %), and how many iterations does it drop, as volley reports them?
//
//   node bench/open-model.mjs
//   OPEN_RATE=20000 OPEN_SECONDS=30 OPEN_REPS=1 OPEN_MAX_USERS=1000 node bench/open-model.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { volleyUrl } from './generators/volley-url.mjs';
import { runGenerator } from './lib/generator-run.mjs';
import { fmt, knob, log, table } from './lib/stats.mjs';
import { startFastTarget } from './targets/pinned-targets.mjs';

const RATE = knob('OPEN_RATE', 20_000);
const SECONDS = knob('OPEN_SECONDS', knob('BENCH_SECONDS', 30));
const REPS = knob('OPEN_REPS', 1);
// Enough users for ~50 ms of arrivals in flight: nginx answers in well under a millisecond.
const MAX_USERS = knob('OPEN_MAX_USERS', 1_000);
const dir = mkdtempSync(join(tmpdir(), 'volley-bench-open-'));

const target = await startFastTarget();
const rows = [];
try {
  for (let rep = 0; rep < REPS; rep++) {
    const r = await runGenerator(volleyUrl({ url: target.url, rate: RATE, maxUsers: MAX_USERS, seconds: SECONDS, dir }), { seconds: SECONDS });
    const achieved = r.iterations / r.seconds;
    log(`open model rep ${rep + 1}: ${fmt(achieved)}/s of ${fmt(RATE)}/s, ${r.dropped} dropped`);
    rows.push({ ...r, achieved });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  target.stop();
}

const within = (r) => (Math.abs(r.achieved - RATE) / RATE <= 0.01 ? 'yes' : 'no');
process.stdout.write(
  [
    `### Open model: ${fmt(RATE)} arrivals/s for ${SECONDS} s on one core (${target.name}, --max-users ${fmt(MAX_USERS)})`,
    '',
    table(
      ['rep', 'achieved iterations/s', 'of target', 'within 1 %', 'dropped iterations', 'requests', 'errors', 'p50 ms', 'p99 ms', 'CPU %'],
      rows.map((r, i) => [
        i + 1,
        fmt(r.achieved),
        `${fmt((100 * r.achieved) / RATE, 2)} %`,
        within(r),
        fmt(r.dropped),
        fmt(r.requests),
        fmt(r.errors),
        fmt(r.p50, 2),
        fmt(r.p99, 2),
        fmt((100 * r.cpuSeconds) / r.wallSeconds),
      ]),
    ),
    '',
    'Achieved = iterations started / the run\'s measured duration (its JSON result); dropped = arrivals that found every user busy (`droppedIterations`).',
    '',
  ].join('\n'),
);

// Requests per CPU-second of each generator, on the 20 ms server and on nginx, beside its
// peers: the figure that says what a core of load generation buys.
//
//   node bench/throughput.mjs           # 5 interleaved reps of 10 s per cell, 50 connections
//   BENCH_SECONDS=3 BENCH_REPS=1 node bench/throughput.mjs
//
// Targets are pinned to CPU 0 and generators to CPU 1 (taskset, on 2+ cores). Each generator's
// CPU is measured from outside (GNU time: user + system of the whole process, its start-up and
// exit included), so the cells compare the tools' whole cost, not the target's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannon } from './generators/autocannon.mjs';
import { volleyScripted, writeScenario } from './generators/volley-scripted.mjs';
import { volleyUrl } from './generators/volley-url.mjs';
import { wrk } from './generators/wrk.mjs';
import { runGenerator } from './lib/generator-run.mjs';
import { PINNING } from './lib/process.mjs';
import { fmt, knob, log, median, table } from './lib/stats.mjs';
import { startFastTarget, startNodeServer } from './targets/pinned-targets.mjs';

const SECONDS = knob('BENCH_SECONDS', 10);
// Five, not three: on a virtual machine one run's requests per CPU-second swing by ±15 % (the
// peer's as much as volley's), and the median of three still moved the 20 ms ratio by 0.1.
const REPS = knob('BENCH_REPS', 5);
const CONNECTIONS = knob('BENCH_CONNECTIONS', 50);
const dir = mkdtempSync(join(tmpdir(), 'volley-bench-throughput-'));

const GENERATORS = {
  'volley --url': (url) => volleyUrl({ url, users: CONNECTIONS, seconds: SECONDS, dir }),
  'volley scripted': (url) =>
    volleyScripted({ url, users: CONNECTIONS, seconds: SECONDS, dir, file: writeScenario(dir, new URL(url).pathname) }),
  'autocannon 9.0.0': (url) => autocannon({ url, users: CONNECTIONS, seconds: SECONDS }),
  'wrk -t1': (url) => wrk({ url, users: CONNECTIONS, seconds: SECONDS }),
};

async function benchTarget(label, target, names) {
  const runs = new Map(names.map((name) => [name, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const name of names) {
      const spec = GENERATORS[name](target.url);
      if (spec === null) continue;
      const r = await runGenerator(spec, { seconds: SECONDS });
      runs.get(name).push(r);
      log(`${label} · ${name} rep ${rep + 1}: ${fmt(r.requests / r.seconds)} rps, ${fmt(r.requests / r.cpuSeconds)} req/CPU-s`);
    }
  }
  return names
    .filter((name) => runs.get(name).length > 0)
    .map((name) => {
      const rs = runs.get(name);
      return {
        label,
        name,
        rps: median(rs.map((r) => r.requests / r.seconds)),
        perCpu: median(rs.map((r) => r.requests / r.cpuSeconds)),
        cpuPct: median(rs.map((r) => (100 * r.cpuSeconds) / r.wallSeconds)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        errors: rs.reduce((s, r) => s + r.errors, 0),
      };
    });
}

function ratios(rows, label) {
  const of = (name) => rows.find((r) => r.label === label && r.name === name)?.perCpu;
  const lines = [];
  for (const volley of ['volley --url', 'volley scripted']) {
    for (const peer of ['autocannon 9.0.0', 'wrk -t1']) {
      if (of(volley) !== undefined && of(peer) !== undefined) {
        lines.push(`- ${label}: ${volley} / ${peer.split(' ')[0]} = **${(of(volley) / of(peer)).toFixed(2)}**`);
      }
    }
  }
  return lines;
}

log(`throughput: ${SECONDS}s × ${REPS} reps, ${CONNECTIONS} connections, pinned: ${PINNING}`);
const slow = await startNodeServer(20);
const fast = await startFastTarget();
const rows = [];
try {
  rows.push(...(await benchTarget('20 ms', slow, ['volley --url', 'volley scripted', 'autocannon 9.0.0'])));
  rows.push(...(await benchTarget(`fast (${fast.name})`, fast, ['wrk -t1', 'autocannon 9.0.0', 'volley --url', 'volley scripted'])));
} finally {
  rmSync(dir, { recursive: true, force: true });
  slow.stop();
  fast.stop();
}
const labels = [...new Set(rows.map((r) => r.label))];
process.stdout.write(
  [
    `### Requests per generator CPU-second (${CONNECTIONS} connections, ${SECONDS} s, median of ${REPS})`,
    '',
    table(
      ['target', 'generator', 'rps', 'req per CPU-s', 'CPU %', 'p50 ms', 'p99 ms', 'errors'],
      rows.map((r) => [r.label, r.name, fmt(r.rps), fmt(r.perCpu), fmt(r.cpuPct), fmt(r.p50, 2), fmt(r.p99, 2), r.errors]),
    ),
    '',
    ...labels.flatMap((label) => ratios(rows, label)),
    '',
  ].join('\n'),
);

// volley's throughput and accuracy beside autocannon's, measured in the same run.
//
//   npm run bench                      # 3 interleaved reps of 10 s per cell
//   BENCH_SECONDS=5 BENCH_REPS=1 npm run bench
//
// Targets run on 127.0.0.1 only: nginx (`return 200 "ok"`, one worker) when it is installed,
// else a minimal Node server; and a Node server answering after 20 ms. With taskset and two or
// more cores, the target is pinned to CPU 0 and the generator to CPU 1, as in the peers' table.
// Each generator runs in its own process and reports its own CPU time, so "requests per
// CPU-second" compares the generators' cost, not the target's.

import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx } from './targets/nginx.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const GENERATORS = ['volley', 'autocannon'];

const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const pin = has('taskset') && availableParallelism() >= 2;
const pinned = (cpu, cmd, args) => (pin ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args]);

async function startNodeServer(delayMs) {
  const [cmd, args] = pinned(0, process.execPath, [join(here, 'targets/node-server.mjs'), String(delayMs)]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(d.toString().trim())));
  return {
    url: `${url}/`,
    name: delayMs > 0 ? `node ${delayMs} ms` : 'node',
    stop: () => child.kill('SIGTERM'),
  };
}

function runGenerator(name, url) {
  const [cmd, args] = pinned(1, process.execPath, [
    join(here, 'generators', `${name}.mjs`),
    url,
    String(CONNECTIONS),
    String(SECONDS),
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 30) * 1000);
    child.on('close', (code) => {
      clearTimeout(killer);
      if (code !== 0) reject(new Error(`${name} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)));
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function benchTarget(label, target) {
  const runs = Object.fromEntries(GENERATORS.map((g) => [g, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const generator of GENERATORS) {
      const r = await runGenerator(generator, target.url);
      runs[generator].push(r);
      process.stderr.write(
        `  ${label} · ${generator} rep ${rep + 1}: ${fmt(r.requests / r.seconds)} rps, ${fmt(r.requests / r.cpuSeconds)} req/CPU-s\n`,
      );
    }
  }
  return GENERATORS.map((generator) => {
    const rs = runs[generator];
    return {
      label,
      generator,
      rps: median(rs.map((r) => r.requests / r.seconds)),
      perCpu: median(rs.map((r) => r.requests / r.cpuSeconds)),
      cpuPct: median(rs.map((r) => (100 * r.cpuSeconds) / r.seconds)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      errors: rs.reduce((s, r) => s + r.errors, 0),
    };
  });
}

const fast = (await startNginx((cmd, args) => pinned(0, cmd, args))) ?? (await startNodeServer(0));
const slow = await startNodeServer(20);
const rows = [];
try {
  process.stderr.write(`bench: ${SECONDS}s × ${REPS} reps, ${CONNECTIONS} connections, pinned: ${pin}\n`);
  rows.push(...(await benchTarget(`fast (${fast.name})`, fast)));
  rows.push(...(await benchTarget('20 ms', slow)));
} finally {
  fast.stop();
  slow.stop();
}

const lines = [
  `| target | generator | rps | req per CPU-s | CPU % | p50 ms | p99 ms | errors |`,
  `|---|---|---|---|---|---|---|---|`,
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.generator} | ${fmt(r.rps)} | ${fmt(r.perCpu)} | ${fmt(r.cpuPct)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors} |`,
  ),
];
for (const label of new Set(rows.map((r) => r.label))) {
  const v = rows.find((r) => r.label === label && r.generator === 'volley');
  const a = rows.find((r) => r.label === label && r.generator === 'autocannon');
  lines.push(
    '',
    `${label}: volley / autocannon requests per CPU-second = ${(v.perCpu / a.perCpu).toFixed(2)}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);

// What a generator costs before its first request: CPU seconds and RSS from process start to
// the moment its first request reaches the target, for `volley run --url` beside autocannon,
// and for a scenario file run twice (`volley run scenario.ts`): the first run of a file no
// cache has seen, then the same file again (a bundle cache makes the second one cheaper).
//
//   node bench/startup.mjs              # 3 reps (BENCH_REPS / STARTUP_REPS), medians
//
// The target runs in this process (pinned to CPU 0) and, when the first request arrives, reads
// the generator's /proc/<pid>/stat (user + system, 10 ms ticks, with its children's: esbuild
// runs as a child process) and /proc/<pid>/status (VmRSS of the process tree, VmHWM) before
// answering. Each generator runs one request (`--iterations 1`, autocannon `-a 1`), pinned to CPU 1.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autocannonBin } from './peers.mjs';
import { writeScenario } from './generators/volley-scripted.mjs';
import { CLI } from './generators/volley-url.mjs';
import { GENERATOR_CPUS, killTree, PINNING, pinned, treeUsage } from './lib/process.mjs';
import { fmt, knob, log, mb, median, table } from './lib/stats.mjs';
import { startFirstRequestTarget } from './targets/first-request.mjs';

const REPS = knob('STARTUP_REPS', knob('BENCH_REPS', 3));
if (PINNING) execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
const target = await startFirstRequestTarget();
const origin = new URL(target.url).origin;

/** Runs `args` under node; resolves with the figures read at its first request. */
function firstRequest(args) {
  const [cmd, outerArgs] = pinned(GENERATOR_CPUS, process.execPath, args);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let figures = null;
    const child = spawn(cmd, outerArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    target.onFirst(() => {
      figures = { ms: performance.now() - started, ...treeUsage(child.pid) };
    });
    const killer = setTimeout(() => killTree(child.pid), 60_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      if (figures === null) reject(new Error(`no request arrived (exit ${code}): ${stderr}`));
      else resolve(figures);
    });
  });
}

const volleyUrl = (workers) => [CLI, 'run', '--url', target.url, '-u', '1', '--iterations', '1', ...workers, '-q'];
const scripted = (file) => [CLI, 'run', file, '-H', origin, '-u', '1', '--iterations', '1', '--workers', '1', '-q'];

const cells = new Map();
const note = (name, figures) => {
  if (!cells.has(name)) cells.set(name, []);
  cells.get(name).push(figures);
  log(`startup · ${name}: ${fmt(figures.ms)} ms, ${fmt(figures.cpuSeconds * 1000)} ms CPU, RSS ${mb(figures.rssBytes)} MB`);
};
try {
  for (let rep = 0; rep < REPS; rep++) {
    note('autocannon 9.0.0', await firstRequest([autocannonBin(), '-c', '1', '-a', '1', target.url]));
    note('volley --url --workers 1', await firstRequest(volleyUrl(['--workers', '1'])));
    note('volley --url (default workers)', await firstRequest(volleyUrl([])));
    // A scenario file no run has bundled yet: a salt in a comment changes its content hash.
    const dir = mkdtempSync(join(tmpdir(), 'volley-bench-startup-'));
    const file = writeScenario(dir, '/', `${process.pid}-${Date.now()}-${rep}`);
    note('volley scenario.ts, first run', await firstRequest(scripted(file)));
    note('volley scenario.ts, second run', await firstRequest(scripted(file)));
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  await target.close();
}

process.stdout.write(
  [
    `### Start-up: process start to the first request at the target (median of ${REPS})`,
    '',
    table(
      ['generator', 'ms to first request', 'CPU ms', 'RSS MB (tree)', 'VmHWM MB', 'processes', 'threads'],
      [...cells].map(([name, rs]) => [
        name,
        fmt(median(rs.map((r) => r.ms))),
        fmt(median(rs.map((r) => r.cpuSeconds * 1000))),
        mb(median(rs.map((r) => r.rssBytes))),
        mb(median(rs.map((r) => r.hwmBytes))),
        median(rs.map((r) => r.processes)),
        median(rs.map((r) => r.threads)),
      ]),
    ),
    '',
    'CPU is counted in 10 ms ticks. Without `--workers`, volley picks the worker count itself (`auto`, one per core, no more than the users); the threads column shows what started (Node itself runs about 7).',
    '',
  ].join('\n'),
);

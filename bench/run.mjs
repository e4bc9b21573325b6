// `npm run bench`: every measurement of volley beside its peers, in sequence, then one report.
//
//   npm run bench                              # ≈ 10 minutes: 10 s cells, 3 reps
//   BENCH_SECONDS=3 BENCH_REPS=1 npm run bench # a quick pass that every part works
//   BENCH_ONLY=throughput,memory npm run bench # some parts only
//
// Each part is its own script (runnable alone, with its own knobs; see bench/README.md) and
// prints its Markdown on stdout; progress goes to stderr. A part that fails is reported as
// failed and the others still run. Targets are pinned to CPU 0 and generators to the other
// cores (taskset, on 2+ cores); everything listens and connects on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { cpus, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { autocannonBin, wrkBin } from './peers.mjs';
import { CORES, killTree, PINNING } from './lib/process.mjs';

const PARTS = [
  ['startup', 'Start-up cost', 120],
  ['throughput', 'Requests per CPU-second', 900],
  ['memory', 'Memory per virtual user', 900],
  ['heap-per-user', 'Heap per virtual user, by component', 300],
  ['open-model', 'Open model', 300],
  ['scale-out', 'Scale-out with --workers', 600],
  ['coordinator', 'Coordinator under remote workers', 300],
];
const only = process.env.BENCH_ONLY?.split(',');

/** Runs one part; resolves with its Markdown, or a line saying why there is none. */
function part(name, limitSeconds) {
  const script = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    // Past its limit the part goes, with every target and generator it started.
    const killer = setTimeout(() => killTree(child.pid), limitSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(killer);
      const took = `${((performance.now() - started) / 1000).toFixed(0)} s`;
      process.stderr.write(`bench: ${name} done in ${took} (exit ${code})\n`);
      resolve(code === 0 ? out.trim() : `**${name} failed** (exit ${code} after ${took}; see its stderr above)\n\n${out.trim()}`);
    });
  });
}

const started = new Date();
process.stderr.write(`bench: peers\n`);
const autocannon = autocannonBin();
const wrk = wrkBin();
const sections = [];
for (const [name, title, limit] of PARTS) {
  if (only !== undefined && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}\n`);
  sections.push(`## ${title} (\`node bench/${name}.mjs\`)\n\n${await part(name, limit)}`);
}
const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
process.stdout.write(
  [
    `# volley bench, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${CORES} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Linux ${release()}, Node ${process.versions.node}; ` +
      `pinned: ${PINNING ? 'target CPU 0, generators the other cores' : 'no (taskset missing or one core)'}; ` +
      `BENCH_SECONDS=${process.env.BENCH_SECONDS ?? '(default)'} BENCH_REPS=${process.env.BENCH_REPS ?? '(default)'}; ` +
      `autocannon ${autocannon}; wrk ${wrk === null ? 'not available' : wrk.cmd}; took ${minutes} min.`,
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n'),
);

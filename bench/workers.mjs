// Requests/s of volley's URL mode with 1 and with 2 worker threads, against nginx (or a Node
// server when nginx is not installed), interleaved, so the ratio compares like with like.
//   node bench/workers.mjs            (BENCH_SECONDS, BENCH_REPS as in run.mjs)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx } from './targets/nginx.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const CLI = join(here, '..', 'dist', 'cli', 'main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'volley-bench-workers-'));

async function startTarget() {
  const nginx = await startNginx();
  if (nginx !== null) return nginx;
  const child = spawn(process.execPath, [join(here, 'targets/node-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(d.toString().trim())));
  return { url: `${url}/`, stop: () => child.kill('SIGTERM') };
}

function run(url, workers) {
  const json = join(dir, `w${workers}.json`);
  execFileSync(
    process.execPath,
    [
      CLI,
      'run',
      '--url',
      url,
      '-u',
      '50',
      '-r',
      '1000',
      '-t',
      `${SECONDS}s`,
      '--workers',
      String(workers),
      '-q',
      '--json',
      json,
    ],
    { stdio: 'ignore' },
  );
  const result = JSON.parse(readFileSync(json, 'utf8'));
  return result.totals.requests / (result.durationMs / 1000);
}

const target = await startTarget();
const rates = { 1: [], 2: [] };
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const workers of [1, 2]) {
      rates[workers].push(run(target.url, workers));
      process.stderr.write(`  workers ${workers} rep ${rep + 1}: ${Math.round(rates[workers].at(-1))} rps\n`);
    }
  }
} finally {
  target.stop();
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const one = median(rates[1]);
const two = median(rates[2]);
process.stdout.write(
  `--workers 1: ${Math.round(one)} rps\n--workers 2: ${Math.round(two)} rps\nratio 2/1: ${(two / one).toFixed(2)}\n`,
);

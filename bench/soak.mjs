// A 60-second soak against a hostile loopback target: volley (the built CLI, in its own
// process) runs bench/soak-scenario.mjs against bench/targets/hostile.mjs, which resets, closes,
// stalls, drip-feeds, floods and malforms its answers. The volley process's RSS is printed every
// 5 s; after a 15 s warm-up it may grow by at most 20 MB, else the soak fails (exit 1). At the
// end, the requests the target read are set beside the records volley reported.
//
//   npm run bench:soak                 # 60 s, 20 users
//   SOAK_SECONDS=120 SOAK_USERS=50 npm run bench:soak
//
// Linux only (RSS is read from /proc).

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHostileTarget } from './targets/hostile.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const USERS = Number(process.env.SOAK_USERS ?? 20);
const WARMUP_S = 15;
const SAMPLE_S = 5;
const LIMIT_MB = 20;

const target = await startHostileTarget();
const json = join(tmpdir(), `volley-soak-${process.pid}.json`);
const child = spawn(
  process.execPath,
  [
    join(here, '../dist/cli/main.js'),
    'run',
    join(here, 'soak-scenario.mjs'),
    '-H',
    target.url,
    '-u',
    String(USERS),
    '-r',
    String(USERS),
    '-t',
    `${SECONDS}s`,
    '--workers',
    '1',
    '--graceful-stop',
    '3s',
    '-q',
    '--json',
    json,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

const samples = [];
const started = performance.now();
const sampler = setInterval(() => {
  const at = Math.round((performance.now() - started) / 1000);
  const rss = rssMb(child.pid);
  if (Number.isNaN(rss)) return;
  samples.push({ at, rss });
  console.log(`${String(at).padStart(4)} s  rss ${rss.toFixed(1)} MB  target read ${target.requests()} requests`);
}, SAMPLE_S * 1000);

const code = await new Promise((resolve) => child.on('close', resolve));
clearInterval(sampler);
await target.close();

const result = JSON.parse(readFileSync(json, 'utf8'));
rmSync(json, { force: true });
const totals = result.totals;
console.log(
  `volley: exit ${code}, ${totals.requests} requests recorded, ${totals.failures} failed, ` +
    `${totals.retries ?? 0} retried; the target read ${target.requests()}`,
);
const afterWarmup = samples.filter((s) => s.at >= WARMUP_S);
if (afterWarmup.length < 2) {
  console.log('too few samples after the warm-up to judge memory');
  process.exit(1);
}
const base = afterWarmup[0].rss;
const peak = Math.max(...afterWarmup.map((s) => s.rss));
const growth = peak - base;
console.log(`rss after warm-up ${base.toFixed(1)} MB, peak ${peak.toFixed(1)} MB: growth ${growth.toFixed(1)} MB (limit ${LIMIT_MB})`);
if (growth > LIMIT_MB) {
  console.log('FAIL: memory grew past the limit');
  process.exit(1);
}
console.log('ok');

// volley's HTTP/2 against h2load (nghttp2's load generator, written in C), and against volley's
// own HTTP/1.1, and against a bare node:http2 client loop (the floor volley's HTTP/2 stands on),
// in requests per CPU-second of the generator, all on one target: the demo
// service's port, which answers HTTP/1.1 and h2c (prior knowledge) alike (`GET /health`).
//
// Usage: npm run build && node bench/http2.mjs      (needs h2load: apt-get install nghttp2-client)
// Env: H2_SECONDS (default 10), H2_REPS (default 3), H2_USERS (connections / users, default 50).
//
// The target is pinned to CPU 0 and each generator to CPU 1 (taskset, on 2+ cores). Cells run
// interleaved, REPS times; the table shows medians. A generator's CPU is its own: volley reports
// process.cpuUsage() around its run, h2load's comes from `times` in the shell that ran it. h2load
// runs with as many connections as volley has users and one stream each (-m 1), the shape of
// users that each wait for their response; volley's HTTP/2 users each have their own session.
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const SECONDS = Number(process.env.H2_SECONDS ?? 10);
const REPS = Number(process.env.H2_REPS ?? 3);
const USERS = Number(process.env.H2_USERS ?? 50);
const here = fileURLToPath(new URL('.', import.meta.url));


/** One volley run in this process (a child of the bench), printing its figures as JSON. */
async function generate(url, version) {
  const { constant, defineScenario, defineUser, run } = await import('../dist/index.js');
  const target = new URL(url);
  const user = defineUser({ name: 'bench', wait: constant(0), tasks: [{ run: ({ http }) => http.get(target.pathname) }] });
  const before = process.cpuUsage();
  const result = await run(defineScenario({ users: [user] }), {
    host: target.origin,
    users: USERS,
    spawnRate: 1_000_000,
    duration: `${SECONDS}s`,
    httpVersion: version,
  });
  const cpu = process.cpuUsage(before);
  process.stdout.write(
    `${JSON.stringify({
      requests: result.totals.requests,
      errors: result.totals.failures,
      seconds: result.durationMs / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      p50: result.totals.latency.p50,
      p99: result.totals.latency.p99,
    })}\n`,
  );
}

/**
 * The floor under volley's HTTP/2: bare `node:http2` client sessions, one per user, each looping
 * one request at a time with nothing else (no recorder, no response object), as JSON.
 */
async function bare(url) {
  const { connect } = await import('node:http2');
  const target = new URL(url);
  const one = (session) =>
    new Promise((resolve) => {
      const stream = session.request({ ':path': target.pathname }, { endStream: true });
      stream.on('data', () => {});
      stream.on('end', resolve);
      stream.on('error', resolve);
    });
  const before = process.cpuUsage();
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: USERS }, async () => {
      const session = connect(target.origin);
      session.on('error', () => {});
      while (performance.now() < end) {
        await one(session);
        requests++;
      }
      session.close();
    }),
  );
  const cpu = process.cpuUsage(before);
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(`${JSON.stringify({ requests, errors: 0, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
}

function has(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pin = has('taskset') && availableParallelism() >= 2;
const pinned = (cpu, cmd, args) => (pin ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args]);

function output(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`${cmd} exited ${code}`))));
  });
}

async function startTarget() {
  const [cmd, args] = pinned(0, process.execPath, [`${here}../dist/cli/main.js`, 'demo', '--serve', '--port', '0']);
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error('the demo service did not start')));
  });
  child.stdout.resume();
  return { url, close: () => child.kill('SIGTERM') };
}

async function volley(url, version) {
  const mode = version === 0 ? ['--bare', url] : ['--generate', url, String(version)];
  const [cmd, args] = pinned(1, process.execPath, [`${here}http2.mjs`, ...mode]);
  const figures = JSON.parse((await output(cmd, args)).trim().split('\n').at(-1));
  return { ...figures, rps: figures.requests / figures.seconds };
}

async function h2load(url) {
  const line = `h2load -c ${USERS} -m 1 -D ${SECONDS} ${url} > /tmp/volley-h2load.txt; times`;
  const [cmd, args] = pinned(1, 'bash', ['-c', line]);
  const times = (await output(cmd, args)).trim().split('\n').at(-1);
  const seconds = [...times.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  const report = (await import('node:fs')).readFileSync('/tmp/volley-h2load.txt', 'utf8');
  const done = Number(/requests: \d+ total, \d+ started, (\d+) done/.exec(report)?.[1] ?? 0);
  const errored = Number(/(\d+) errored/.exec(report)?.[1] ?? 0);
  const finished = Number(/finished in ([\d.]+)s/.exec(report)?.[1] ?? SECONDS);
  return { requests: done, errors: errored, seconds: finished, cpuSeconds: seconds[0] + seconds[1], rps: done / finished };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  if (!has('h2load')) throw new Error('h2load is missing: apt-get install nghttp2-client');
  const target = await startTarget();
  const cells = {
    'volley HTTP/2': () => volley(`${target.url}/health`, 2),
    'h2load': () => h2load(`${target.url}/health`),
    'volley HTTP/1.1': () => volley(`${target.url}/health`, 1),
    'bare node:http2': () => volley(`${target.url}/health`, 0),
  };
  const runs = Object.fromEntries(Object.keys(cells).map((name) => [name, []]));
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const [name, cell] of Object.entries(cells)) {
        const figures = await cell();
        runs[name].push(figures);
        process.stderr.write(`rep ${rep + 1} ${name}: ${fmt(figures.rps)} rps, ${fmt(figures.requests / figures.cpuSeconds)} req/CPU-s, ${figures.errors} errors\n`);
      }
    }
  } finally {
    target.close();
  }
  const perCpu = (name) => median(runs[name].map((f) => f.requests / f.cpuSeconds));
  console.log(`| generator | rps | req per CPU-s | CPU % | errors |\n|---|---|---|---|---|`);
  for (const name of Object.keys(cells)) {
    const rps = median(runs[name].map((f) => f.rps));
    const cpu = median(runs[name].map((f) => (100 * f.cpuSeconds) / f.seconds));
    const errors = runs[name].reduce((sum, f) => sum + f.errors, 0);
    console.log(`| ${name} | ${fmt(rps)} | ${fmt(perCpu(name))} | ${Math.round(cpu)} | ${errors} |`);
  }
  const h2 = perCpu('volley HTTP/2');
  console.log(`\nvolley HTTP/2 / h2load: ${(h2 / perCpu('h2load')).toFixed(2)} (goal >= 0.25)`);
  console.log(`volley HTTP/2 / volley HTTP/1.1: ${(h2 / perCpu('volley HTTP/1.1')).toFixed(2)} (goal >= 0.7)`);
  console.log(`volley HTTP/2 / bare node:http2: ${(h2 / perCpu('bare node:http2')).toFixed(2)}`);
}

if (process.argv[2] === '--generate') await generate(process.argv[3], Number(process.argv[4]));
else if (process.argv[2] === '--bare') await bare(process.argv[3]);
else await main();

// WebSocket echo round trips per CPU-second: volley (`ws.request()` in a task loop, zero wait)
// against plain `ws` client loops written by hand, on the same echo server in its own process.
//
//   npm run build && node bench/ws.mjs
//   BENCH_SECONDS=5 BENCH_REPS=1 BENCH_CONNECTIONS=20 node bench/ws.mjs
//
// Each generator runs in its own process and counts its own CPU time (`process.cpuUsage()`),
// from before its first connect to after its last round trip; with taskset and 2+ cores the
// server is pinned to CPU 0 and the generator to CPU 1, as in run.mjs. Generators:
// - volley: a user per connection keeps one socket in `vu.state` and awaits `ws.request()`;
// - plain await: per connection, `send()` then await the next `message` (the same shape by hand);
// - plain callback: per connection, the `message` handler sends the next one (no promises at all).
// The goal is volley within 20 % of `plain await`.

import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PAYLOAD = '{"id":1,"text":"hello, echo"}';
const GENERATORS = { volley: volleyLoop, 'plain await': plainAwaitLoop, 'plain callback': plainCallbackLoop };

if (process.argv[2] !== undefined) await generate(process.argv[2], process.argv[3]);
else await orchestrate();

/** In a generator process: runs one generator and prints its figures as JSON. */
async function generate(name, url) {
  // Loading the modules is a fixed cost outside the loop being compared.
  await import('ws');
  if (name === 'volley') await import('../dist/index.js');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const roundTrips = await GENERATORS[name](url);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ roundTrips, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 })}\n`);
  process.exit(0);
}

async function volleyLoop(url) {
  const { constant, defineScenario, defineUser, run } = await import('../dist/index.js');
  const isPayload = (message) => message === PAYLOAD;
  const user = defineUser({
    name: 'echo',
    wait: constant(0),
    tasks: [
      {
        run: async (vu) => {
          vu.state.socket ??= await vu.ws.connect('/', { name: 'echo' });
          await vu.state.socket.request(PAYLOAD, isPayload);
        },
      },
    ],
  });
  const result = await run(defineScenario({ users: [user] }), {
    host: url,
    users: CONNECTIONS,
    spawnRate: 1_000_000,
    duration: `${SECONDS}s`,
  });
  const rtt = result.endpoints.find((e) => e.method === 'RTT');
  if (rtt === undefined || rtt.failures > 0) throw new Error(`volley: round trips failed: ${JSON.stringify(rtt)}`);
  return rtt.requests;
}

async function openSockets(url) {
  const { default: WebSocket } = await import('ws');
  return Promise.all(
    Array.from({ length: CONNECTIONS }, () => {
      const ws = new WebSocket(url.replace(/^http/, 'ws'));
      return new Promise((resolve, reject) => {
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    }),
  );
}

async function plainAwaitLoop(url) {
  const sockets = await openSockets(url);
  const until = performance.now() + SECONDS * 1000;
  let roundTrips = 0;
  await Promise.all(
    sockets.map(async (ws) => {
      while (performance.now() < until) {
        ws.send(PAYLOAD);
        const answer = await new Promise((resolve) => ws.once('message', (data) => resolve(data.toString())));
        if (answer !== PAYLOAD) throw new Error('plain await: wrong echo');
        roundTrips++;
      }
      ws.close();
    }),
  );
  return roundTrips;
}

async function plainCallbackLoop(url) {
  const sockets = await openSockets(url);
  const until = performance.now() + SECONDS * 1000;
  let roundTrips = 0;
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise((resolve) => {
          ws.on('message', (data) => {
            if (data.toString() !== PAYLOAD) throw new Error('plain callback: wrong echo');
            roundTrips++;
            if (performance.now() < until) ws.send(PAYLOAD);
            else resolve(ws.close());
          });
          ws.send(PAYLOAD);
        }),
    ),
  );
  return roundTrips;
}

/** The main process: the echo server, then the generators in turn, REPS times, and the table. */
async function orchestrate() {
  const has = (cmd) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const pin = has('taskset') && availableParallelism() >= 2;
  const pinned = (cpu, args) => (pin ? ['taskset', ['-c', String(cpu), process.execPath, ...args]] : [process.execPath, args]);
  const [serverCmd, serverArgs] = pinned(0, [join(here, 'targets/ws-echo.mjs')]);
  const server = spawn(serverCmd, serverArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(d.toString().trim())));
  const runs = Object.fromEntries(Object.keys(GENERATORS).map((g) => [g, []]));
  process.stderr.write(`bench ws: ${SECONDS}s × ${REPS} reps, ${CONNECTIONS} connections, pinned: ${pin}\n`);
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const name of Object.keys(GENERATORS)) {
        const r = await runGenerator(pinned(1, [fileURLToPath(import.meta.url), name, url]));
        runs[name].push(r);
        process.stderr.write(`  ${name} rep ${rep + 1}: ${fmt(r.roundTrips / r.seconds)} round trips/s, ${fmt(r.roundTrips / r.cpuSeconds)} per CPU-s\n`);
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = Object.entries(runs).map(([name, rs]) => ({
    name,
    perSecond: median(rs.map((r) => r.roundTrips / r.seconds)),
    perCpu: median(rs.map((r) => r.roundTrips / r.cpuSeconds)),
    cpuPct: median(rs.map((r) => (100 * r.cpuSeconds) / r.seconds)),
  }));
  const lines = [
    '| generator | round trips/s | round trips per CPU-s | CPU % |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.perSecond)} | ${fmt(r.perCpu)} | ${fmt(r.cpuPct)} |`),
    '',
    `volley / plain await, round trips per CPU-second = ${(rows[0].perCpu / rows[1].perCpu).toFixed(2)}`,
    `volley / plain callback, round trips per CPU-second = ${(rows[0].perCpu / rows[2].perCpu).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function runGenerator([cmd, args]) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 30) * 1000);
    child.on('close', (code) => {
      clearTimeout(killer);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)));
    });
  });
}

function fmt(n) {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

// volley's cost before its first request: the volley process's CPU time (user + system) and RSS
// (VmRSS, and its peak VmHWM) read from /proc at the moment a loopback target receives its first
// request, for `volley run --url`, and for a scripted scenario file run twice (the first run with
// an empty bundle cache, the second with the cache the first one wrote), with the default worker
// threads and with `--workers 1`. "CPU s" is the volley process's own; "+children" adds its live
// child processes (esbuild's service, which bundles the scenario). Linux only (/proc).
// Runs against dist/: `npm run build` first.
//   node bench/startup.mjs            (STARTUP_REPS sets the reps, default 5; medians printed;
//                                      STARTUP_CLI another build's dist/cli/main.js)
// The machine may be shared: CPU figures move with the load on it, which is why these are medians.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// STARTUP_CLI measures another build (say, an older checkout's dist/cli/main.js) the same way.
const CLI = process.env.STARTUP_CLI ?? join(here, '..', 'dist', 'cli', 'main.js');
const REPS = Number(process.env.STARTUP_REPS ?? 5);
const TICKS_PER_SECOND = clockTicks();

function clockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds of the live children of a process (esbuild's service), from every /proc/<pid>/stat. */
function childrenCpuSeconds(pid) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) total += cpuSeconds(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** A target on 127.0.0.1, port 0, that reads the volley process's figures at its first request. */
async function startTarget() {
  let onFirst = () => undefined;
  let seen = false;
  const server = createServer((_req, res) => {
    if (!seen) {
      seen = true;
      onFirst();
    }
    res.end('ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    firstRequest: (read) =>
      new Promise((resolve) => {
        onFirst = () => resolve(read());
      }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One volley run: its figures at the target's first request, then the run is killed. */
async function measure(args, env) {
  const target = await startTarget();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'run', ...args(target.url)], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const first = target.firstRequest(() => {
    const cpu = cpuSeconds(child.pid);
    return { ms: performance.now() - started, cpu, withChildren: cpu + childrenCpuSeconds(child.pid), ...memoryMb(child.pid) };
  });
  const figures = await Promise.race([first, exited.then(() => null)]);
  child.kill('SIGKILL');
  await exited;
  await target.close();
  if (figures === null) throw new Error(`volley exited before its first request:\n${stderr}`);
  return figures;
}

const dir = mkdtempSync(join(tmpdir(), 'volley-bench-startup-'));
// A scenario with a local module, as users write them; bundled by esbuild at load.
writeFileSync(join(dir, 'paths.ts'), `export const HOME: string = '/';\n`);
writeFileSync(
  join(dir, 'scenario.ts'),
  `import { constant, defineScenario, defineUser } from 'volley';
import { HOME } from './paths.js';
const Visitor = defineUser({ wait: constant('100ms'), tasks: [{ run: ({ http }) => http.get(HOME) }] });
export default defineScenario({ users: [Visitor], load: { users: 1, duration: '2s' } });
`,
);
const scenario = join(dir, 'scenario.ts');
const urlArgs = (url) => ['--url', url, '-u', '1', '-t', '2s', '-q'];
const fileArgs = (url) => [scenario, '-H', url, '-u', '1', '-t', '2s', '-q'];

// `--workers` defaults to one thread per core; `--workers 1` shows the main thread's own cost.
const oneProcess = (url) => [...urlArgs(url), '--workers', '1'];

const fileOneProcess = (url) => [...fileArgs(url), '--workers', '1'];

const samples = {
  '--url': [],
  '--url --workers 1': [],
  'scenario, 1st run': [],
  'scenario, 2nd run': [],
  'scenario --workers 1, 1st run': [],
  'scenario --workers 1, 2nd run': [],
};
for (let rep = 0; rep < REPS; rep++) {
  samples['--url'].push(await measure(urlArgs, {}));
  samples['--url --workers 1'].push(await measure(oneProcess, {}));
  // An empty cache for each pair: the first run bundles and stores, the second may reuse.
  for (const [label, args] of [['scenario', fileArgs], ['scenario --workers 1', fileOneProcess]]) {
    const cache = mkdtempSync(join(dir, 'cache-'));
    samples[`${label}, 1st run`].push(await measure(args, { XDG_CACHE_HOME: cache }));
    samples[`${label}, 2nd run`].push(await measure(args, { XDG_CACHE_HOME: cache }));
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
process.stdout.write(
  `volley's cost to its first request (medians of ${REPS} reps, Node ${process.versions.node})\n\n` +
    '| run | RSS MB | peak RSS MB | CPU s | CPU s +children | wall ms |\n|---|---|---|---|---|---|\n',
);
for (const [name, runs] of Object.entries(samples)) {
  const cell = (key, digits) => median(runs.map((r) => r[key])).toFixed(digits);
  process.stdout.write(
    `| ${name} | ${cell('rss', 1)} | ${cell('hwm', 1)} | ${cell('cpu', 2)} | ${cell('withChildren', 2)} | ${cell('ms', 0)} |\n`,
  );
}

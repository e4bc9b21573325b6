// Running bench processes: pinned to a CPU with taskset (on 2+ cores), measured by GNU time
// (user + system CPU and peak RSS from wait4(), the same source as `/usr/bin/time -v`), always
// with a hard kill, and read live through /proc while they run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

export function has(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const CORES = availableParallelism();
export const PINNING = has('taskset') && CORES >= 2;
const GNU_TIME = '/usr/bin/time';
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

/** The command under taskset when pinning is possible: `cpus` is `1` or `1-3`. */
export function pinned(cpus, cmd, args) {
  return PINNING ? ['taskset', ['-c', String(cpus), cmd, ...args]] : [cmd, args];
}

/** The generator's CPUs: all but CPU 0 (the target's), or everything on one core. */
export const GENERATOR_CPUS = CORES >= 3 ? `1-${CORES - 1}` : '1';

/**
 * Runs `cmd args` to the end (killed after `timeoutMs`), pinned to `cpus`, under GNU time.
 * `onStart(pid)` gets the measured process's own pid (the child of time) for /proc reads.
 * Resolves with its stdout, exit code, wall seconds, CPU seconds and peak RSS in bytes.
 */
export function runMeasured({ cpus, cmd, args, timeoutMs, cwd, env, onStart }) {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install GNU time (Debian: apt-get install time)`);
  const dir = mkdtempSync(join(tmpdir(), 'volley-bench-time-'));
  const timeFile = join(dir, 'time.txt');
  const [outer, outerArgs] = pinned(cpus, GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, cmd, ...args]);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(outer, outerArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const killer = setTimeout(() => killTree(child.pid), timeoutMs);
    if (onStart !== undefined) void firstChild(child.pid).then((pid) => pid !== null && onStart(pid));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      let figures = [NaN, NaN, NaN, NaN];
      try {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1);
        figures = last.split(' ').map(Number);
      } catch {
        // killed before time wrote its line
      }
      rmSync(dir, { recursive: true, force: true });
      const [, user, system, maxRssKb] = figures;
      resolve({
        code,
        stdout,
        stderr,
        wallSeconds: (performance.now() - started) / 1000,
        cpuSeconds: user + system,
        maxRssBytes: maxRssKb * 1024,
      });
    });
  });
}

/** The pid time forked (taskset execs into time, so `pid` is time's). */
async function firstChild(pid) {
  for (let i = 0; i < 200; i++) {
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      if (children !== '') return Number(children.split(' ')[0]);
    } catch {
      return null;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return null;
}

/** Ends a process we started and what it forked (time and its child). */
export function killTree(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const child of children.split(' ').filter(Boolean)) killTree(Number(child));
  } catch {
    // gone already
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** CPU seconds (user + system, all threads) of a live process, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** VmRSS and VmHWM (the peak so far) of a live process, in bytes. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM') };
}

/** Starts a long-running server process pinned to `cpus`; resolves with its first stdout line. */
export function startServer(cpus, cmd, args) {
  const [outer, outerArgs] = pinned(cpus, cmd, args);
  const child = spawn(outer, outerArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d) =>
      resolve({ line: d.toString().trim().split('\n')[0], pid: child.pid, stop: () => child.kill('SIGTERM') }),
    );
  });
}

/** A live process and its live descendants (an esbuild service, a shell's child). */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        for (const child of children.split(' ').filter(Boolean)) pids.push(Number(child));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/**
 * CPU seconds of a process tree so far (the reaped children's too, from cutime and cstime) and
 * its summed VmRSS, read at one moment; `hwmBytes` is the root's own peak.
 */
export function treeUsage(pid) {
  let cpuSeconds = 0;
  let rssBytes = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
      rssBytes += memoryOf(member).rssBytes;
    } catch {
      // exited meanwhile
    }
  }
  const threads = Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return { cpuSeconds, rssBytes, hwmBytes: memoryOf(pid).hwmBytes, processes: processTree(pid).length, threads };
}

/** CPU seconds of each live thread of a process, by thread id (the main thread's id is the pid). */
export function threadCpuSeconds(pid) {
  const byThread = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // exited meanwhile
    }
  }
  return byThread;
}

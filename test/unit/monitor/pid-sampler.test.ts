import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../src/errors.js';
import { checkPids, PidMonitor } from '../../../src/monitor/pid-monitor.js';
import { PidSampler, parseProcStat, parseVmRss } from '../../../src/monitor/pid-sampler.js';
import { emptyReading } from '../../../src/monitor/process-sampler.js';
import { summarizeResources } from '../../../src/monitor/resource-summary.js';

/** A `/proc/<pid>/stat` line: fields 14 and 15 are utime and stime. */
function statLine(pid: number, comm: string, state: string, utime: number, stime: number): string {
  return `${pid} (${comm}) ${state} 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 100 1000000 500\n`;
}

const STATUS =
  'Name:\tpostgres\nState:\tS (sleeping)\nVmPeak:\t  999999 kB\nVmRSS:\t   12345 kB\nThreads:\t1\n';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A fake procfs with `self/stat` and one process. */
function fakeProc(pid: number, stat: string): string {
  const root = mkdtempSync(join(tmpdir(), 'volley-proc-'));
  dirs.push(root);
  mkdirSync(join(root, 'self'));
  writeFileSync(join(root, 'self', 'stat'), statLine(1, 'self', 'R', 0, 0));
  mkdirSync(join(root, String(pid)));
  writeFileSync(join(root, String(pid), 'stat'), stat);
  writeFileSync(join(root, String(pid), 'status'), STATUS);
  return root;
}

describe('reading /proc', () => {
  it('parses stat fields after the last parenthesis, whatever the command name holds', () => {
    expect(parseProcStat(statLine(1234, 'a) b) (c', 'S', 250, 50))).toEqual({
      command: 'a) b) (c',
      state: 'S',
      cpuTicks: 300,
    });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('reads VmRSS in bytes, 0 when absent', () => {
    expect(parseVmRss(STATUS)).toBe(12345 * 1024);
    expect(parseVmRss('Name:\tkthreadd\n')).toBe(0);
  });

  it('samples CPU ticks as microseconds and RSS; heap and event loop are unknowable', () => {
    const root = fakeProc(42, statLine(42, 'postgres', 'S', 250, 50));
    const sampler = new PidSampler(42, { procRoot: root });
    const reading = emptyReading();
    sampler.read(reading);
    expect(reading.cpuMicros).toBe(300 * 10_000);
    expect(reading.rssBytes).toBe(12345 * 1024);
    expect(reading.heapUsedBytes).toBeNaN();
    expect(reading.eventLoopDelayP99Ms).toBeNaN();
    expect(sampler.command).toBe('postgres');
    expect(new PidSampler(42, { procRoot: root, ticksPerSecond: 250 }).goodReads).toBe(0);
  });

  it('stops at a zombie or a vanished process, keeping its last values', () => {
    const root = fakeProc(42, statLine(42, 'worker', 'R', 100, 0));
    const sampler = new PidSampler(42, { procRoot: root });
    const reading = emptyReading();
    sampler.read(reading);
    writeFileSync(join(root, '42', 'stat'), statLine(42, 'worker', 'Z', 500, 0));
    sampler.read(reading);
    expect(sampler.exited).toBe(true);
    expect(sampler.goodReads).toBe(1);
    expect(reading.cpuMicros).toBe(100 * 10_000);
  });
});

describe('checking pids', () => {
  it('names every pid that is not a running process', () => {
    const root = fakeProc(42, statLine(42, 'x', 'S', 0, 0));
    const error = (() => {
      try {
        checkPids([42, 7, -3], { procRoot: root });
      } catch (e) {
        return e;
      }
    })();
    expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_USAGE');
    expect(isVolleyError(error) && error.details).toEqual([
      '--monitor-pid 7: no running process has that pid',
      '--monitor-pid -3: expected a positive integer pid',
    ]);
  });

  it('says clearly when there is no /proc to read', () => {
    const empty = mkdtempSync(join(tmpdir(), 'volley-noproc-'));
    dirs.push(empty);
    expect(() => checkPids([1], { procRoot: empty })).toThrow(/--monitor-pid needs \/proc \(Linux\)/);
  });
});

describe('PidMonitor', () => {
  it('cuts the samples where a watched process vanished, with a note', async () => {
    const root = fakeProc(42, statLine(42, 'worker', 'S', 0, 0));
    const monitor = new PidMonitor(42, { procRoot: root, intervalMs: 20 });
    monitor.start();
    await sleep(90);
    rmSync(join(root, '42'), { recursive: true });
    await sleep(90);
    const watched = monitor.stop();
    expect(watched.samples.length).toBeGreaterThanOrEqual(2);
    expect(watched.samples.length).toBeLessThanOrEqual(5);
    const last = watched.samples[watched.samples.length - 1];
    expect(watched.note).toBe(
      `process 42 (worker) exited during the run; its samples stop after ${last?.t} s`,
    );
    expect(last?.t).toBeLessThan(0.12);
  });

  it.runIf(process.platform === 'linux')('measures a real busy process and notices it exit', async () => {
    const child = spawn(process.execPath, [
      '-e',
      // Busy until it has spent 700 ms of CPU, however long a busy machine makes that take.
      'while (process.cpuUsage().user + process.cpuUsage().system < 700e3) {}',
    ]);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const monitor = new PidMonitor(child.pid as number, { intervalMs: 100 });
    monitor.start();
    await exited;
    await sleep(250);
    const watched = monitor.stop();
    expect(watched.command).toBe('node');
    expect(watched.note).toMatch(/exited during the run/);
    const summary = summarizeResources(watched.samples);
    // CPU time, not percent (which falls when others share the cores): the samples account for
    // the 700 ms but the last interval before the exit (at most 100 ms of it), plus Node's start.
    const lastT = watched.samples[watched.samples.length - 1]?.t ?? 0;
    const cpuSeconds = ((summary.meanCpuPercent ?? 0) / 100) * lastT;
    expect(cpuSeconds).toBeGreaterThanOrEqual(0.55);
    expect(cpuSeconds).toBeLessThan(1.2);
    expect(summary.peakRssBytes).toBeGreaterThan(10e6);
  });
});

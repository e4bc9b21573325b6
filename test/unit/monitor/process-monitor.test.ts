import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessMonitor, type ProcessReading, type ProcessSampler } from '../../../src/monitor/index.js';

/** A sampler that replays scripted readings, one per read, and records its lifecycle. */
class ScriptedSampler implements ProcessSampler {
  readonly calls: string[] = [];
  #index = 0;
  constructor(private readonly readings: ProcessReading[]) {}
  start(): void {
    this.calls.push('start');
  }
  read(into: ProcessReading): void {
    const next = this.readings[Math.min(this.#index++, this.readings.length - 1)] as ProcessReading;
    Object.assign(into, next);
  }
  stop(): void {
    this.calls.push('stop');
  }
}

function reading(
  cpuMicros: number,
  eventLoopDelayP99Ms = 0,
  rssBytes = 1000,
  heapUsedBytes = 500,
): ProcessReading {
  return { cpuMicros, rssBytes, heapUsedBytes, eventLoopDelayP99Ms };
}

/**
 * Fires the monitor's (fake) interval timer, then lets the (real) setImmediate in which it takes
 * the sample run: ours is queued after the monitor's, so the sample exists when it resolves.
 */
async function advance(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** CPU time the samples account for: each interval's percent of one core times its length. */
function cpuSeconds(samples: readonly { t: number; cpuPercent: number }[]): number {
  let previousT = 0;
  let total = 0;
  for (const s of samples) {
    total += (s.cpuPercent / 100) * (s.t - previousT);
    previousT = s.t;
  }
  return total;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ProcessMonitor with a scripted sampler and clock', () => {
  it('turns CPU time over wall time into percent of one core, per interval', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 5000;
    const sampler = new ScriptedSampler([
      reading(2_000_000), // baseline at start()
      reading(2_250_000, 1.23456, 2000, 900), // +250 ms CPU over 1 s
      reading(3_250_000, 60), // +1000 ms over 1 s
      reading(3_250_000), // idle
    ]);
    const monitor = new ProcessMonitor({ intervalMs: 1000, now: () => clock, sampler });
    monitor.start();
    expect(sampler.calls).toEqual(['start']);
    expect(monitor.latest()).toBeUndefined();

    clock += 1000;
    await advance(1000);
    expect(monitor.latest()).toEqual({
      t: 1,
      cpuPercent: 25,
      rssBytes: 2000,
      heapUsedBytes: 900,
      eventLoopDelayP99Ms: 1.235,
    });

    clock += 1000.4;
    await advance(1000);
    clock += 999.6;
    await advance(1000);
    expect(monitor.samples()).toEqual([
      { t: 1, cpuPercent: 25, rssBytes: 2000, heapUsedBytes: 900, eventLoopDelayP99Ms: 1.235 },
      { t: 2, cpuPercent: 99.96, rssBytes: 1000, heapUsedBytes: 500, eventLoopDelayP99Ms: 60 },
      { t: 3, cpuPercent: 0, rssBytes: 1000, heapUsedBytes: 500, eventLoopDelayP99Ms: 0 },
    ]);
    expect(monitor.stop()).toHaveLength(3);
    expect(sampler.calls).toEqual(['start', 'stop']);
  });

  it('keeps a final partial interval only when it spans at least half an interval', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 0;
    const long = new ProcessMonitor({
      intervalMs: 1000,
      now: () => clock,
      sampler: new ScriptedSampler([reading(0), reading(300_000)]),
    });
    long.start();
    clock = 600;
    expect(long.stop()).toEqual([
      { t: 0.6, cpuPercent: 50, rssBytes: 1000, heapUsedBytes: 500, eventLoopDelayP99Ms: 0 },
    ]);

    clock = 0;
    const short = new ProcessMonitor({
      intervalMs: 1000,
      now: () => clock,
      sampler: new ScriptedSampler([reading(0)]),
    });
    short.start();
    clock = 499;
    expect(short.stop()).toEqual([]);
  });

  it('stops sampling after stop() and starts a fresh series on restart', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 0;
    const monitor = new ProcessMonitor({
      intervalMs: 100,
      now: () => clock,
      sampler: new ScriptedSampler([reading(0)]),
    });
    monitor.start();
    expect(monitor.running).toBe(true);
    clock = 100;
    await advance(100);
    const first = monitor.stop();
    expect(monitor.running).toBe(false);
    clock = 1000;
    await advance(1000);
    expect(monitor.samples()).toHaveLength(1);
    expect(monitor.stop()).toBe(first);

    monitor.start();
    expect(monitor.samples()).toEqual([]);
    clock = 1100;
    await advance(100);
    expect(monitor.samples().map((s) => s.t)).toEqual([0.1]);
    expect(first).toHaveLength(1);
    monitor.stop();
  });

  it('rejects a non-positive interval', () => {
    expect(() => new ProcessMonitor({ intervalMs: 0 })).toThrow(RangeError);
    expect(() => new ProcessMonitor({ intervalMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('ProcessMonitor on this process', () => {
  it('collects sane samples every 50 ms', async () => {
    const monitor = new ProcessMonitor({ intervalMs: 50 });
    const started = performance.now();
    monitor.start();
    await sleep(300);
    const samples = monitor.stop();
    const elapsedS = (performance.now() - started) / 1000;
    // A busy machine fires the interval late, never early: at most one sample per 50 ms of the
    // time that really passed, and at least the one that was due first.
    expect(samples.length).toBeGreaterThanOrEqual(1);
    expect(samples.length).toBeLessThanOrEqual(Math.floor(elapsedS / 0.05) + 1);
    let previousT = 0;
    for (const s of samples) {
      expect(s.t).toBeGreaterThan(previousT);
      expect(Math.round(s.t * 1000) / 1000).toBe(s.t);
      previousT = s.t;
      expect(s.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(s.cpuPercent).toBeLessThan(400);
      expect(s.rssBytes).toBeGreaterThan(s.heapUsedBytes);
      expect(s.heapUsedBytes).toBeGreaterThan(1_000_000);
      expect(s.eventLoopDelayP99Ms).toBeGreaterThanOrEqual(0);
      expect(s.eventLoopDelayP99Ms).toBeLessThan(elapsedS * 1000);
    }
    expect(previousT).toBeGreaterThanOrEqual(0.05 - 0.001);
    expect(previousT).toBeLessThanOrEqual(elapsedS);
  });

  it('shows a blocked event loop as delay and CPU', async () => {
    const monitor = new ProcessMonitor({ intervalMs: 50 });
    monitor.start();
    await sleep(60);
    // Busy until 150 ms of CPU time are spent, so a descheduled test still does the work.
    const cpuStart = process.cpuUsage();
    const until = performance.now() + 150;
    while (performance.now() < until || cpuMs(process.cpuUsage(cpuStart)) < 150) {
      // The event loop cannot run timers until this ends.
    }
    await sleep(160);
    const samples = monitor.stop();
    const blocked = Math.max(...samples.map((s) => s.eventLoopDelayP99Ms));
    expect(blocked).toBeGreaterThan(100);
    // CPU time, not percent: on a busy machine the 150 ms of CPU take longer in wall time, so
    // the percent falls, but the samples still account for the time spent.
    expect(cpuSeconds(samples)).toBeGreaterThanOrEqual(0.14);
    // Before the block, the loop was not blocked.
    expect(samples[0]?.eventLoopDelayP99Ms).toBeLessThan(blocked);
  });
});

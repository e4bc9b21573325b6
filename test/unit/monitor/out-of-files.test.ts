/**
 * A process out of file descriptors cannot read /proc (nor `process.memoryUsage()`): the monitor
 * skips those samples and goes on; any other sampler error is still an error.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessMonitor, type ProcessReading, type ProcessSampler } from '../../../src/monitor/index.js';

/** Reads 1 ms of CPU per read, except the reads listed, which fail with `code`. */
class FailingSampler implements ProcessSampler {
  #reads = 0;
  #cpu = 0;
  constructor(
    private readonly failing: ReadonlySet<number>,
    private readonly code: string,
  ) {}
  start(): void {}
  read(into: ProcessReading): void {
    const index = this.#reads++;
    if (this.failing.has(index)) throw Object.assign(new Error(`${this.code}: too many open files`), { code: this.code });
    this.#cpu += 1000;
    Object.assign(into, { cpuMicros: this.#cpu, rssBytes: 1, heapUsedBytes: 1, eventLoopDelayP99Ms: 0 });
  }
  stop(): void {}
}

async function advance(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ProcessMonitor out of file descriptors', () => {
  it('skips the samples it cannot read and counts them', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 0;
    const monitor = new ProcessMonitor({ intervalMs: 1000, now: () => clock, sampler: new FailingSampler(new Set([0, 2]), 'EMFILE') });
    monitor.start();
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      await advance(1000);
    }
    expect(monitor.skipped).toBe(2);
    expect(monitor.samples().map((s) => s.t)).toEqual([1, 3]);
    expect(monitor.stop().length).toBe(2);
  });

  it('still throws what is not a lack of descriptors', () => {
    const monitor = new ProcessMonitor({ intervalMs: 1000, now: () => 0, sampler: new FailingSampler(new Set([0]), 'EACCES') });
    expect(() => monitor.start()).toThrow(/EACCES/);
  });
});

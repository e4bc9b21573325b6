/**
 * Watches a process during a run, one sample per interval, because latencies measured by a
 * saturated load generator are partly the generator's own queueing (DESIGN.md, "Measuring
 * honestly"). By default it watches volley's own process; the sampler is injectable so another
 * process, or a test's scripted one, can be watched the same way.
 *
 * Each sample describes the interval that ends at `t`:
 *
 *   start()        tick           tick           stop()
 *      |--------------|--------------|--------------|
 *      baseline   sample t=1     sample t=2     sample t=3 (if ≥ half an interval)
 *
 * CPU percent is the CPU time used over the interval divided by the wall time it spanned, so
 * 100 means one core fully busy (more is possible: GC and worker threads count too). The timer
 * is unref'd: monitoring never keeps a process alive.
 *
 * The sample itself is taken in a setImmediate after the timer fires. After the loop was
 * blocked, the event-loop delay timer and ours fall due in the same timers phase; reading in
 * the check phase that follows means the block is already recorded, so it shows in the sample
 * whose interval it ended in rather than one interval late.
 */

import { performance } from 'node:perf_hooks';
import { isOutOfFiles } from './out-of-files.js';
import { emptyReading, type ProcessReading, type ProcessSampler } from './process-sampler.js';
import type { MonitorSample } from '../metrics/result.js';
import { SelfSampler } from './self-sampler.js';

export interface ProcessMonitorOptions {
  /** Time between samples, ms (default 1000). */
  intervalMs?: number;
  /** Monotonic clock in milliseconds (default `performance.now`). */
  now?: () => number;
  /** What to sample (default: this process). */
  sampler?: ProcessSampler;
}

export class ProcessMonitor {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #sampler: ProcessSampler;
  /** Reused for every read; only the CPU total and time of the previous read are kept. */
  readonly #reading: ProcessReading = emptyReading();
  #samples: MonitorSample[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #pending: ReturnType<typeof setImmediate> | undefined;
  #startedAt = 0;
  #previousAt = 0;
  #previousCpuMicros = 0;
  #skipped = 0;

  constructor(options: ProcessMonitorOptions = {}) {
    const intervalMs = options.intervalMs ?? 1000;
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new RangeError(`monitor interval must be a positive number of milliseconds, got ${intervalMs}`);
    }
    this.#intervalMs = intervalMs;
    this.#now = options.now ?? (() => performance.now());
    this.#sampler = options.sampler ?? new SelfSampler();
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts sampling; a restart begins a fresh series. Does nothing when already running. */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#samples = [];
    this.#sampler.start();
    this.#skipped = 0;
    if (!this.#tryRead()) this.#reading.cpuMicros = 0;
    this.#startedAt = this.#now();
    this.#previousAt = this.#startedAt;
    this.#previousCpuMicros = this.#reading.cpuMicros;
    this.#timer = setInterval(this.#defer, this.#intervalMs);
    this.#timer.unref();
  }

  /**
   * Stops sampling and returns the series. The unfinished last interval becomes a sample when
   * it spans at least half an interval; shorter, its CPU share would be mostly noise.
   */
  stop(): MonitorSample[] {
    if (this.#timer === undefined) return this.#samples;
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#pending !== undefined) clearImmediate(this.#pending);
    this.#pending = undefined;
    if (this.#now() - this.#previousAt >= this.#intervalMs / 2) this.#sample();
    this.#sampler.stop();
    return this.#samples;
  }

  /** Samples skipped because the process had no file descriptor left to read them with. */
  get skipped(): number {
    return this.#skipped;
  }

  /** Reads into the reading; false (the sample skipped) when out of file descriptors. */
  #tryRead(): boolean {
    try {
      this.#sampler.read(this.#reading);
      return true;
    } catch (error) {
      if (!isOutOfFiles(error)) throw error;
      this.#skipped++;
      return false;
    }
  }

  samples(): readonly MonitorSample[] {
    return this.#samples;
  }

  latest(): MonitorSample | undefined {
    return this.#samples[this.#samples.length - 1];
  }

  readonly #defer = (): void => {
    if (this.#pending !== undefined) return;
    this.#pending = setImmediate(this.#sample);
    this.#pending.unref();
  };

  readonly #sample = (): void => {
    this.#pending = undefined;
    const reading = this.#reading;
    if (!this.#tryRead()) return;
    const now = this.#now();
    const wallMs = now - this.#previousAt;
    const cpuMs = (reading.cpuMicros - this.#previousCpuMicros) / 1000;
    this.#samples.push({
      t: Math.round(now - this.#startedAt) / 1000,
      cpuPercent: wallMs > 0 ? round((cpuMs / wallMs) * 100, 100) : 0,
      rssBytes: reading.rssBytes,
      heapUsedBytes: reading.heapUsedBytes,
      eventLoopDelayP99Ms: round(reading.eventLoopDelayP99Ms, 1000),
    });
    this.#previousAt = now;
    this.#previousCpuMicros = reading.cpuMicros;
  };
}

function round(value: number, factor: number): number {
  return Math.round(value * factor) / factor;
}

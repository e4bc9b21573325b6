/**
 * Samples the current Node process: CPU time from `process.cpuUsage()` (worker threads'
 * included), memory from `process.memoryUsage()`, and the event-loop delay p99 since the
 * previous read: this thread's, or the worst of it and the worker threads' when they report
 * theirs. The two `process` calls return small objects of their own; nothing else is allocated
 * per read.
 */

import { EventLoopDelay } from './event-loop-delay.js';
import type { ProcessReading, ProcessSampler } from './process-sampler.js';
import type { LoopDelaySource } from './worst-loop-delay.js';

export class SelfSampler implements ProcessSampler {
  readonly #delay = new EventLoopDelay();

  /** @param workers the worker threads' delays, when the load runs in worker threads. */
  constructor(private readonly workers?: LoopDelaySource) {}

  start(): void {
    this.#delay.start();
  }

  read(into: ProcessReading): void {
    const cpu = process.cpuUsage();
    into.cpuMicros = cpu.user + cpu.system;
    const memory = process.memoryUsage();
    into.rssBytes = memory.rss;
    into.heapUsedBytes = memory.heapUsed;
    const own = this.#delay.takeP99Ms();
    into.eventLoopDelayP99Ms = this.workers === undefined ? own : Math.max(own, this.workers.takeP99Ms());
  }

  stop(): void {
    this.#delay.stop();
  }
}

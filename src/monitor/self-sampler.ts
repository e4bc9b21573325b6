/**
 * Samples the current Node process: CPU time from `process.cpuUsage()`, memory from
 * `process.memoryUsage()`, and the event-loop delay p99 since the previous read. The two
 * `process` calls return small objects of their own; nothing else is allocated per read.
 */

import { EventLoopDelay } from './event-loop-delay.js';
import type { ProcessReading, ProcessSampler } from './process-sampler.js';

export class SelfSampler implements ProcessSampler {
  readonly #delay = new EventLoopDelay();

  start(): void {
    this.#delay.start();
  }

  read(into: ProcessReading): void {
    const cpu = process.cpuUsage();
    into.cpuMicros = cpu.user + cpu.system;
    const memory = process.memoryUsage();
    into.rssBytes = memory.rss;
    into.heapUsedBytes = memory.heapUsed;
    into.eventLoopDelayP99Ms = this.#delay.takeP99Ms();
  }

  stop(): void {
    this.#delay.stop();
  }
}

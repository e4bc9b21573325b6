/**
 * What the monitor needs from a watched process, behind one interface so the generator's own
 * process (`SelfSampler`) and, later, another process read from `/proc/<pid>` plug into the
 * same `ProcessMonitor`. A sampler fills a reading the monitor owns and reuses, so taking a
 * sample allocates nothing of the monitor's beyond the sample itself.
 */

export interface ProcessReading {
  /** Cumulative CPU time (user + system) since the process started, microseconds. */
  cpuMicros: number;
  rssBytes: number;
  heapUsedBytes: number;
  /**
   * Event-loop delay p99 since the previous read, ms. Only the process's own event loop can be
   * observed; a sampler of another process reports NaN.
   */
  eventLoopDelayP99Ms: number;
}

export interface ProcessSampler {
  /** Begins measurements that accumulate between reads (the event-loop histogram). */
  start(): void;
  /** Fills `into` with the current values; interval measurements restart from here. */
  read(into: ProcessReading): void;
  /** Ends what `start()` began. */
  stop(): void;
}

export function emptyReading(): ProcessReading {
  return { cpuMicros: 0, rssBytes: 0, heapUsedBytes: 0, eventLoopDelayP99Ms: 0 };
}

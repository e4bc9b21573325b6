/**
 * One reading of a watched process. Defined here because `src/monitor/` imports nothing
 * internal; it is structurally identical to `MonitorSample` in `src/metrics/result.ts`, so
 * samples go into a Result as they are.
 */

export interface MonitorSample {
  /** Seconds since monitoring started, at the end of the sample's interval (3 decimals). */
  t: number;
  /** CPU use of the process over the interval (user + system), percent of one core. */
  cpuPercent: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay p99 in the sample interval, ms. */
  eventLoopDelayP99Ms: number;
}

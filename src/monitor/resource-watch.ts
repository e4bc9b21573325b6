/**
 * CPU and memory during one benchmark or stress level: volley's own process (which is where a
 * benchmarked operation runs) and any `--monitor-pid` targets, sampled at a short interval
 * (100 ms by default: these runs are often a few seconds long) and summarized with the fitted
 * memory growth. A saturated generator is reported as a warning, as in `volley run`.
 *
 * A run shorter than half an interval, or a synchronous benchmark (which blocks the event loop,
 * so no timer fires while it runs), would end with no sample at all; then one sample covering
 * the whole run is made from readings taken at its start and end, so CPU is still right and
 * memory is the final value.
 */

import { performance } from 'node:perf_hooks';
import type { MonitorSample } from '../metrics/result.js';
import type { MemorySeries } from './memory-growth.js';
import { checkPids, PidMonitor, type TargetSamples } from './pid-monitor.js';
import { PidSampler } from './pid-sampler.js';
import { ProcessMonitor } from './process-monitor.js';
import { emptyReading, type ProcessReading, type ProcessSampler } from './process-sampler.js';
import { type ResourceSummary, summarizeResources } from './resource-summary.js';
import { detectSaturation } from './saturation.js';
import { SelfSampler } from './self-sampler.js';

export const DEFAULT_MONITOR_INTERVAL_MS = 100;

export interface TargetResources extends ResourceSummary {
  pid: number;
  command: string;
  /** Why its samples stop early (it exited), or null. */
  note: string | null;
}

export interface RunResources {
  intervalMs: number;
  /** volley's own process. */
  generator: ResourceSummary;
  targets: TargetResources[];
}

export interface ResourceWatchOptions {
  intervalMs?: number;
  /** Other processes to watch. */
  pids?: readonly number[];
  /** Series fitted for the generator's memory growth (targets always use RSS). */
  series?: MemorySeries;
  /** Growth above this sets the generator's `memoryGrowth.leaking` (from a `memoryGrowth` threshold). */
  growthLimitBytes?: number;
  /** The same for the targets (from `targetMemoryGrowth`). */
  targetGrowthLimitBytes?: number;
}

export interface ResourceWatch {
  stop(): { resources: RunResources; warnings: string[] };
}

/** One sample spanning start to end, from two readings of a sampler of its own. */
class WholeRunSample {
  readonly #sampler: ProcessSampler;
  readonly #first: ProcessReading = emptyReading();
  readonly #startedAt = performance.now();

  constructor(sampler: ProcessSampler) {
    this.#sampler = sampler;
    sampler.read(this.#first);
  }

  /** The sample, or none when the second reading fails (a process that exited). */
  take(alive: () => boolean): MonitorSample[] {
    const last = emptyReading();
    this.#sampler.read(last);
    if (!alive()) return [];
    const wallMs = performance.now() - this.#startedAt;
    const cpuMs = (last.cpuMicros - this.#first.cpuMicros) / 1000;
    return [
      {
        t: Math.round(wallMs) / 1000,
        cpuPercent: wallMs > 0 ? Math.round((cpuMs / wallMs) * 10_000) / 100 : 0,
        rssBytes: last.rssBytes,
        heapUsedBytes: last.heapUsedBytes,
        eventLoopDelayP99Ms: Number.NaN,
      },
    ];
  }
}

export function startResourceWatch(options: ResourceWatchOptions = {}): ResourceWatch {
  const intervalMs = options.intervalMs ?? DEFAULT_MONITOR_INTERVAL_MS;
  const pids = options.pids ?? [];
  checkPids(pids);
  const self = new ProcessMonitor({ intervalMs });
  const selfWhole = new WholeRunSample(new SelfSampler());
  const targets = pids.map((pid) => {
    const sampler = new PidSampler(pid);
    return { monitor: new PidMonitor(pid, { intervalMs }), sampler, whole: new WholeRunSample(sampler) };
  });
  self.start();
  for (const target of targets) target.monitor.start();

  return {
    stop() {
      let samples = self.stop();
      if (samples.length === 0) samples = selfWhole.take(() => true);
      const watched: TargetSamples[] = targets.map(({ monitor, sampler, whole }) => {
        const target = monitor.stop();
        if (target.samples.length > 0 || target.note !== null) return target;
        return { ...target, samples: whole.take(() => !sampler.exited), command: sampler.command };
      });
      const generator = summarizeResources(samples, {
        series: options.series ?? 'rss',
        ...(options.growthLimitBytes === undefined ? {} : { limitBytes: options.growthLimitBytes }),
      });
      const targetGrowth =
        options.targetGrowthLimitBytes === undefined ? {} : { limitBytes: options.targetGrowthLimitBytes };
      // Saturation is judged over samples of a second or so; at 100 ms, 3 in a row is noise.
      const consecutive = Math.max(3, Math.ceil(3000 / intervalMs));
      return {
        resources: {
          intervalMs,
          generator,
          targets: watched.map((target) => ({
            ...summarizeResources(target.samples, targetGrowth),
            pid: target.pid,
            command: target.command,
            note: target.note,
          })),
        },
        warnings: [
          ...detectSaturation(samples, { consecutive }),
          ...watched.flatMap((target) => (target.note === null ? [] : [target.note])),
        ],
      };
    },
  };
}

/**
 * A watched process's samples boiled down to the figures a stress or benchmark report shows:
 * peak and mean CPU, peak and mean memory, and the fitted memory growth (`memory-growth.ts`).
 *
 * Mean CPU is weighted by each sample's interval (t − previous t): total CPU time over total
 * wall time, so a short final interval counts for what it lasted, not as much as a full one.
 */

import { estimateMemoryGrowth, type MemoryGrowth, type MemoryGrowthOptions } from './memory-growth.js';
import type { MonitorSample } from '../metrics/result.js';

export interface ResourceSummary {
  samples: MonitorSample[];
  /** Percent of one core; null without samples. */
  peakCpuPercent: number | null;
  meanCpuPercent: number | null;
  peakRssBytes: number | null;
  meanRssBytes: number | null;
  /** Null for a process other than volley's own (its heap cannot be read). */
  peakHeapUsedBytes: number | null;
  memoryGrowth: MemoryGrowth | null;
}

export function summarizeResources(
  samples: MonitorSample[],
  growth: MemoryGrowthOptions = {},
): ResourceSummary {
  let peakCpu: number | null = null;
  let peakRss: number | null = null;
  let peakHeap: number | null = null;
  let cpuWeighted = 0;
  let rssWeighted = 0;
  let wall = 0;
  let previousT = 0;
  for (const sample of samples) {
    const dt = Math.max(0, sample.t - previousT);
    previousT = sample.t;
    peakCpu = larger(peakCpu, sample.cpuPercent);
    peakRss = larger(peakRss, sample.rssBytes);
    peakHeap = larger(peakHeap, sample.heapUsedBytes);
    if (Number.isFinite(sample.cpuPercent) && Number.isFinite(sample.rssBytes)) {
      cpuWeighted += sample.cpuPercent * dt;
      rssWeighted += sample.rssBytes * dt;
      wall += dt;
    }
  }
  return {
    samples,
    peakCpuPercent: peakCpu,
    meanCpuPercent: wall > 0 ? round(cpuWeighted / wall, 100) : peakCpu,
    peakRssBytes: peakRss,
    meanRssBytes: wall > 0 ? Math.round(rssWeighted / wall) : peakRss,
    peakHeapUsedBytes: peakHeap,
    memoryGrowth: estimateMemoryGrowth(samples, growth),
  };
}

/** The larger of the two, ignoring values that are not finite (a figure the process lacks). */
function larger(current: number | null, value: number): number | null {
  if (!Number.isFinite(value)) return current;
  return current === null || value > current ? value : current;
}

function round(value: number, factor: number): number {
  return Math.round(value * factor) / factor;
}

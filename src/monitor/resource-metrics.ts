/**
 * The resource figures a threshold can judge (`peakMemory`, `memoryGrowth`, `peakCpu`, and their
 * `target…` twins for `--monitor-pid` processes), read from a watch's `RunResources`. With
 * several targets the highest value is judged: a threshold holds only if it holds for each.
 */

import type { ResourceSummary } from './resource-summary.js';
import type { RunResources } from './resource-watch.js';

export type ResourceMetric =
  | 'peakMemory'
  | 'meanMemory'
  | 'memoryGrowth'
  | 'peakCpu'
  | 'meanCpu'
  | 'targetPeakMemory'
  | 'targetMemoryGrowth'
  | 'targetPeakCpu';

const RESOURCE_METRICS: ReadonlySet<string> = new Set<ResourceMetric>([
  'peakMemory',
  'meanMemory',
  'memoryGrowth',
  'peakCpu',
  'meanCpu',
  'targetPeakMemory',
  'targetMemoryGrowth',
  'targetPeakCpu',
]);

/** A figure, or null with the reason there is none (the shape thresholds judge). */
export type ResourceFigure = { value: number } | { value: null; note: string };

const FEW_SAMPLES =
  'too few memory samples after the warm-up to fit a growth (run longer, or sample more often)';

export function isResourceMetric(name: string): name is ResourceMetric {
  return RESOURCE_METRICS.has(name);
}

function of(value: number | null | undefined, note: string): ResourceFigure {
  return value === null || value === undefined ? { value: null, note } : { value };
}

function fromSummary(metric: ResourceMetric, summary: ResourceSummary): ResourceFigure {
  switch (metric) {
    case 'peakMemory':
    case 'targetPeakMemory':
      return of(summary.peakRssBytes, 'no memory samples were taken');
    case 'meanMemory':
      return of(summary.meanRssBytes, 'no memory samples were taken');
    case 'memoryGrowth':
    case 'targetMemoryGrowth':
      return of(summary.memoryGrowth?.bytes, FEW_SAMPLES);
    case 'peakCpu':
    case 'targetPeakCpu':
      return of(summary.peakCpuPercent, 'no CPU samples were taken');
    case 'meanCpu':
      return of(summary.meanCpuPercent, 'no CPU samples were taken');
  }
}

/** The figure of `metric` over the watched processes. */
export function measureResource(metric: ResourceMetric, resources: RunResources): ResourceFigure {
  switch (metric) {
    case 'peakMemory':
    case 'meanMemory':
    case 'memoryGrowth':
    case 'peakCpu':
    case 'meanCpu':
      return fromSummary(metric, resources.generator);
    case 'targetPeakMemory':
    case 'targetMemoryGrowth':
    case 'targetPeakCpu': {
      if (resources.targets.length === 0) {
        return { value: null, note: 'no process was watched (give its pid with --monitor-pid)' };
      }
      let worst: ResourceFigure | undefined;
      for (const target of resources.targets) {
        const measured = fromSummary(metric, target);
        if (measured.value === null) return measured;
        if (worst === undefined || (worst.value !== null && measured.value > worst.value)) worst = measured;
      }
      return worst as ResourceFigure;
    }
  }
}

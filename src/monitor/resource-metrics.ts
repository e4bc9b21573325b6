/**
 * The resource metrics of a threshold (`peakMemory`, `memoryGrowth`, `peakCpu`, and their
 * `target…` twins for `--monitor-pid` processes), read from a run's `RunResources`. With several
 * targets the highest value is judged: a threshold holds only if it holds for each of them.
 */

import type { ResourceSummary } from './resource-summary.js';
import type { Measured, MetricName, MetricThreshold } from '../bench/metric-thresholds.js';
import type { RunResources } from './resource-watch.js';

const FEW_SAMPLES =
  'too few memory samples after the warm-up to fit a growth (run longer, or sample more often)';

function of(value: number | null | undefined, note: string): Measured {
  return value === null || value === undefined ? { value: null, note } : { value };
}

function fromSummary(metric: MetricName, summary: ResourceSummary): Measured {
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
    default:
      return { value: null, note: `${metric} is not a resource metric` };
  }
}

/** A resource metric's value, or undefined when `metric` is not one. */
export function measureResource(metric: MetricName, resources: RunResources): Measured | undefined {
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
      let worst: Measured | undefined;
      for (const target of resources.targets) {
        const measured = fromSummary(metric, target);
        if (measured.value === null) return measured;
        if (worst === undefined || (worst.value !== null && measured.value > worst.value)) worst = measured;
      }
      return worst;
    }
    default:
      return undefined;
  }
}

/**
 * The memory-growth limits the thresholds set (the value of the first `memoryGrowth<…` and
 * `targetMemoryGrowth<…`), which decide each fitted growth's `leaking` flag.
 */
export function growthLimits(thresholds: readonly MetricThreshold[]): {
  growthLimitBytes?: number;
  targetGrowthLimitBytes?: number;
} {
  const limit = (metric: MetricName): number | undefined =>
    thresholds.find((t) => t.metric === metric && (t.op === '<' || t.op === '<='))?.value;
  const own = limit('memoryGrowth');
  const target = limit('targetMemoryGrowth');
  return {
    ...(own === undefined ? {} : { growthLimitBytes: own }),
    ...(target === undefined ? {} : { targetGrowthLimitBytes: target }),
  };
}

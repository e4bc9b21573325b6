/**
 * A histogram as thresholds read it: milliseconds, percentiles on demand; null when empty.
 */

import { type Histogram, moments } from './histogram.js';
import type { MergedStats } from './stats-source.js';

export function latencyView(histogram: Histogram): MergedStats['latency'] {
  if (histogram.totalCount === 0) return null;
  return {
    min: histogram.minNonZeroValue / 1000,
    max: histogram.maxValue / 1000,
    mean: moments(histogram).mean / 1000,
    percentile: (p: number) => histogram.getValueAtPercentile(p) / 1000,
  };
}

/**
 * The rule every comparison applies to one metric: a change counts only when it is significant
 * (not noise) AND larger than the margin (it matters); then it is a regression or an improvement
 * depending on which way is worse for the metric.
 */

import type { Verdict } from './comparison.js';

/** Higher is worse (latency, error rate) unless `higherIsBetter` (throughput, success rate). */
export function changeVerdict(
  change: number,
  margin: number,
  significant: boolean,
  higherIsBetter = false,
): Verdict {
  if (!significant || Math.abs(change) <= margin) return 'unchanged';
  const worse = higherIsBetter ? change < 0 : change > 0;
  return worse ? 'regressed' : 'improved';
}

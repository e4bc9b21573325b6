/**
 * The trend of one scenario over its saved runs, and where a regression began. Each run is
 * compared with the median of the k runs before it (default 5), metric by metric, using the same
 * tests as `volley compare`: for each metric, the previous run whose value is the (lower) median
 * is the baseline, so one unusually fast or slow run neither hides nor fakes a regression.
 *
 * A regression "began" at the first of at least `sustain` (default 2) consecutive regressed
 * runs: a single slow run is noise until the next run confirms it. Once a slower level has held
 * for more than half the window, the median moves with it and runs read "no significant change"
 * again: the new normal, whose start stays marked.
 *
 *   run:      1  2  3  4  5  6  7  8  9
 *   p95 ms:  20 21 20 20 21 27 27 28 27
 *   verdict:  –  =  =  =  =  ✗  ✗  ✗  =     ← run 6: "regression began here"
 */

import type { RequestStats, Result } from '../metrics/result.js';
import { compareStats, rowDistribution, rowVerdictOf } from './compare-results.js';
import { unlikeness } from './likeness.js';
import type { CompareSettings, MetricComparison, MetricName } from './comparison.js';
import { METRICS } from './comparison.js';
import type { Distribution } from './distribution.js';
import { type CompareOptions, resolveSettings } from './settings.js';

export interface TrendOptions extends CompareOptions {
  /** Previous runs whose median is the baseline; default 5. */
  window?: number;
  /** Consecutive regressed runs that make a regression; default 2. */
  sustain?: number;
}

export interface TrendPoint {
  startedAt: string;
  volley: string;
  requests: number;
  rps: number;
  /** Fraction; null without requests. */
  errorRate: number | null;
  /** Milliseconds; null without requests. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Against the median of the previous runs; `n/a` for the first run. */
  verdict: 'regressed' | 'improved' | 'unchanged' | 'n/a';
  /** Each metric's comparison with its median previous run; empty for the first run. */
  metrics: MetricComparison[];
  /** How many previous runs the median was taken over. */
  baselineRuns: number;
  regressionBegan: boolean;
}

function metricValue(stats: RequestStats, metric: MetricName): number {
  switch (metric) {
    case 'rps':
      return stats.rps;
    case 'errorRate':
      return stats.requests > 0 ? stats.failures / stats.requests : 0;
    case 'p50':
    case 'p95':
    case 'p99':
      return stats.latency[metric];
  }
}

/** Oldest first; the input is not modified. */
export function sortByStart(results: readonly Result[]): Result[] {
  return [...results].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** Compares runs of one history, caching decoded histograms and pairs already compared. */
class TrendComparer {
  private readonly distributions = new Map<number, Distribution>();
  private readonly pairs = new Map<string, MetricComparison[]>();

  constructor(
    private readonly runs: readonly Result[],
    private readonly settings: CompareSettings,
  ) {}

  /** Run `i` against, for each metric, the median of runs `previous` by that metric. */
  againstMedian(i: number, previous: readonly number[]): MetricComparison[] {
    return METRICS.map((metric) => {
      const ordered = [...previous].sort((a, b) => this.value(a, metric) - this.value(b, metric));
      const median = ordered[Math.floor((ordered.length - 1) / 2)] as number;
      return this.compare(median, i).find((m) => m.metric === metric) as MetricComparison;
    });
  }

  private value(i: number, metric: MetricName): number {
    return metricValue((this.runs[i] as Result).totals, metric);
  }

  private compare(baseline: number, current: number): MetricComparison[] {
    const id = `${baseline}:${current}`;
    let compared = this.pairs.get(id);
    if (compared === undefined) {
      const a = this.runs[baseline] as Result;
      const b = this.runs[current] as Result;
      compared = compareStats(
        { stats: a.totals, distribution: this.distribution(baseline) },
        { stats: b.totals, distribution: this.distribution(current) },
        this.settings,
        `${a.startedAt}\u0000${b.startedAt}`,
        { kind: 'seconds', baseline: a.timeSeries, current: b.timeSeries },
        unlikeness(a, b),
      );
      this.pairs.set(id, compared);
    }
    return compared;
  }

  private distribution(i: number): Distribution {
    let d = this.distributions.get(i);
    if (d === undefined) {
      const run = this.runs[i] as Result;
      d = rowDistribution(run.totals, `run of ${run.startedAt}`, 'Total');
      this.distributions.set(i, d);
    }
    return d;
  }
}

export function analyzeTrend(results: readonly Result[], options: TrendOptions = {}): TrendPoint[] {
  const settings = resolveSettings(options);
  const window = Math.max(1, Math.floor(options.window ?? 5));
  const sustain = Math.max(1, Math.floor(options.sustain ?? 2));
  const runs = sortByStart(results);
  const comparer = new TrendComparer(runs, settings);

  const points = runs.map((run, i): TrendPoint => {
    const first = Math.max(0, i - window);
    const previous = Array.from({ length: i - first }, (_, j) => first + j);
    const metrics = previous.length === 0 ? [] : comparer.againstMedian(i, previous);
    const hasRequests = run.totals.requests > 0;
    return {
      startedAt: run.startedAt,
      volley: run.volley,
      requests: run.totals.requests,
      rps: run.totals.rps,
      errorRate: hasRequests ? run.totals.failures / run.totals.requests : null,
      p50: hasRequests ? run.totals.latency.p50 : null,
      p95: hasRequests ? run.totals.latency.p95 : null,
      p99: hasRequests ? run.totals.latency.p99 : null,
      verdict: previous.length === 0 ? 'n/a' : rowVerdictOf(metrics),
      metrics,
      baselineRuns: previous.length,
      regressionBegan: false,
    };
  });

  const regressed = points.map((p) => p.verdict === 'regressed');
  points.forEach((point, i) => {
    if (!regressed[i] || (i > 0 && regressed[i - 1])) return;
    const streak = regressed.slice(i, i + sustain);
    point.regressionBegan = streak.length === sustain && streak.every(Boolean);
  });
  return points;
}

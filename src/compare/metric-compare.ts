/**
 * One metric of one row, baseline against current, with the test that fits the metric:
 *
 * - latency percentiles: a bootstrap interval of the difference (`bootstrap.ts`), widened where
 *   the run's seconds disagree more than independent requests would (`time-blocks.ts`).
 *   Regressed when the interval lies above 0 (the change is not noise) AND the change exceeds
 *   `maxRegression` of the baseline (it matters); improved symmetrically. A percentile with
 *   fewer than `minTail` requests beyond it in either run is not judged.
 * - error rate: the two-proportion z-test at 1 − confidence, and a change larger than
 *   max(maxRegression × baseline rate, errorRateFloor): from 0.1% to 0.2% doubles the rate but
 *   is rarely worth failing a build over, hence the floor in percentage points.
 * - requests/s: one number per run, with no per-request distribution to resample, so there is
 *   no significance test; only the ratio against the tolerance. It also reflects the load model
 *   (a closed model slows down with the server; an arrival rate does not), which `compare`
 *   warns about when the two runs' loads differ.
 */

import type { RequestStats, TimeSeriesPoint } from '../metrics/result.js';
import { bootstrapPercentileDifferences } from './bootstrap.js';
import { changeVerdict } from './change-verdict.js';
import type { CompareSettings, MetricComparison, MetricName } from './comparison.js';
import type { Distribution } from './distribution.js';
import { twoProportionTest } from './proportion.js';
import type { Random } from './random.js';
import { blockInterval, perSecond } from './time-blocks.js';

export type LatencyMetric = 'p50' | 'p95' | 'p99';

export const LATENCY_PERCENTILE: Record<LatencyMetric, number> = { p50: 50, p95: 95, p99: 99 };

const US_PER_MS = 1000;

function relative(change: number, baseline: number): number | null {
  return baseline > 0 ? change / baseline : null;
}

export function compareThroughput(
  baseline: RequestStats,
  current: RequestStats,
  settings: CompareSettings,
): MetricComparison {
  const change = current.rps - baseline.rps;
  if (!(baseline.rps > 0)) {
    return {
      metric: 'rps',
      unit: '/s',
      baseline: baseline.rps,
      current: current.rps,
      change,
      relativeChange: null,
      margin: null,
      verdict: 'n/a',
      evidence: { kind: 'none', reason: 'no throughput in the baseline' },
    };
  }
  const margin = settings.maxRegression * baseline.rps;
  return {
    metric: 'rps',
    unit: '/s',
    baseline: baseline.rps,
    current: current.rps,
    change,
    relativeChange: relative(change, baseline.rps),
    margin,
    verdict: changeVerdict(change, margin, true, true),
    evidence: { kind: 'ratio' },
  };
}

export function compareErrorRate(
  baseline: RequestStats,
  current: RequestStats,
  settings: CompareSettings,
): MetricComparison {
  const test = twoProportionTest(baseline.failures, baseline.requests, current.failures, current.requests);
  if (baseline.requests === 0 || current.requests === 0) {
    return {
      metric: 'errorRate',
      unit: 'fraction',
      baseline: baseline.requests === 0 ? null : test.baselineRate,
      current: current.requests === 0 ? null : test.currentRate,
      change: null,
      relativeChange: null,
      margin: null,
      verdict: 'n/a',
      evidence: { kind: 'none', reason: 'no requests in one of the runs' },
    };
  }
  const alpha = 1 - settings.confidence;
  const margin = Math.max(settings.maxRegression * test.baselineRate, settings.errorRateFloor);
  return {
    metric: 'errorRate',
    unit: 'fraction',
    baseline: test.baselineRate,
    current: test.currentRate,
    change: test.difference,
    relativeChange: relative(test.difference, test.baselineRate),
    margin,
    verdict: changeVerdict(test.difference, margin, test.pValue < alpha),
    evidence: { kind: 'two-proportion', z: test.z, pValue: test.pValue, alpha },
  };
}

/**
 * How to account for noise beyond request-level sampling: the runs' per-second percentiles (the
 * total row), or the factor measured on the total (endpoint rows, which have no time series).
 */
export type LatencyNoise =
  | { kind: 'seconds'; baseline: readonly TimeSeriesPoint[]; current: readonly TimeSeriesPoint[] }
  | { kind: 'factor'; factors: Partial<Record<LatencyMetric, number>> };

function notJudged(metric: LatencyMetric, reason: string): MetricComparison {
  return {
    metric,
    unit: 'ms',
    baseline: null,
    current: null,
    change: null,
    relativeChange: null,
    margin: null,
    verdict: 'n/a',
    evidence: { kind: 'none', reason },
  };
}

/**
 * How a histogram's integers read: so many per unit of the result (µs per ms for latencies; a
 * custom trend's scale per unit for its values), and what a recorded value is called.
 */
export interface HistogramReading {
  perUnit: number;
  /** `requests`, or `samples`. */
  noun: string;
}

export const LATENCY_READING: HistogramReading = { perUnit: US_PER_MS, noun: 'requests' };

/** Percentile rows from two decoded histograms; `n/a` when either is empty. */
export function compareLatency(
  baseline: Distribution,
  current: Distribution,
  metrics: readonly LatencyMetric[],
  settings: CompareSettings,
  random: Random,
  noise?: LatencyNoise,
  reading: HistogramReading = LATENCY_READING,
): MetricComparison[] {
  const perUnit = reading.perUnit;
  if (baseline.total === 0 || current.total === 0) {
    const empty = reading === LATENCY_READING ? 'no latencies recorded' : `no ${reading.noun} recorded`;
    return metrics.map((metric) => notJudged(metric, `${empty} in one of the runs`));
  }
  const differences = bootstrapPercentileDifferences(
    baseline,
    current,
    metrics.map((metric) => LATENCY_PERCENTILE[metric]),
    { ...settings, random },
  );
  const fewest = Math.min(baseline.total, current.total);
  return differences.map((d, i): MetricComparison => {
    const metric = metrics[i] as LatencyMetric;
    const bootstrapHalf = (d.high - d.low) / 2;
    let seconds: { halfWidth: number; blocks: [number, number] } | null = null;
    let noiseFactor = 1;
    if (noise?.kind === 'seconds') {
      const blocks = blockInterval(
        perSecond(noise.baseline, metric),
        perSecond(noise.current, metric),
        settings.confidence,
      );
      if (blocks !== null) {
        // Per-second values are ms; the bootstrap works in µs.
        const halfWidth = ((blocks.high - blocks.low) / 2) * US_PER_MS;
        seconds = { halfWidth: halfWidth / US_PER_MS, blocks: blocks.blocks };
        noiseFactor = bootstrapHalf > 0 ? Math.max(1, halfWidth / bootstrapHalf) : 1;
      }
    } else if (noise?.kind === 'factor') {
      noiseFactor = Math.max(1, noise.factors[metric] ?? 1);
    }
    // Widen around the estimate: the interval's shape from the bootstrap, its width from
    // whichever noise is larger.
    const low = d.difference - noiseFactor * (d.difference - d.low);
    const high = d.difference + noiseFactor * (d.high - d.difference);
    const margin = settings.maxRegression * d.baseline;
    // The interval must exclude 0 on the side the change points to.
    const significant = d.difference > 0 ? low > 0 : d.difference < 0 ? high < 0 : false;
    // Too few requests beyond the percentile, and it is decided by a handful of them: the
    // bootstrap interval of such an extreme order statistic cannot be trusted to cover.
    const needed = Math.ceil((settings.minTail * 100) / (100 - d.percentile));
    const tooFew = fewest < needed;
    return {
      metric,
      unit: 'ms',
      baseline: d.baseline / perUnit,
      current: d.current / perUnit,
      change: d.difference / perUnit,
      relativeChange: relative(d.difference, d.baseline),
      margin: margin / perUnit,
      verdict: tooFew ? 'n/a' : changeVerdict(d.difference, margin, significant),
      evidence: tooFew
        ? { kind: 'none', reason: `too few ${reading.noun} (p${d.percentile} needs ${needed})` }
        : {
            kind: 'bootstrap',
            confidence: settings.confidence,
            low: low / perUnit,
            high: high / perUnit,
            requests: {
              low: d.low / perUnit,
              high: d.high / perUnit,
              resamples: settings.resamples,
              samples: d.samples,
            },
            seconds,
            noiseFactor,
          },
    };
  });
}

/** A metric of a row present in one run only: its value, no verdict. */
export function oneSidedMetric(
  metric: MetricName,
  stats: RequestStats,
  side: 'baseline' | 'current',
): MetricComparison {
  const value =
    metric === 'rps'
      ? stats.rps
      : metric === 'errorRate'
        ? stats.requests > 0
          ? stats.failures / stats.requests
          : null
        : stats.requests > 0
          ? stats.latency[metric]
          : null;
  return {
    metric,
    unit: metric === 'rps' ? '/s' : metric === 'errorRate' ? 'fraction' : 'ms',
    baseline: side === 'baseline' ? value : null,
    current: side === 'current' ? value : null,
    change: null,
    relativeChange: null,
    margin: null,
    verdict: 'n/a',
    evidence: { kind: 'none', reason: `only in the ${side} run` },
  };
}

/**
 * A bench report against a baseline report, entry by entry (matched by kind and name; stress
 * levels by concurrency). A change counts when it is both significant (not noise) and larger
 * than `maxRegression` of the baseline (it matters), as in `volley compare`:
 *
 * - mean time per call / per operation: Welch's t-test on the two means (each run's count,
 *   mean and standard deviation; unequal variances), two-sided at 1 − confidence;
 * - stress success rate: the two-proportion z-test, and a change of at least 0.5 points;
 * - stress throughput: one number per run, so only the ratio against the tolerance.
 *
 * Built on the comparison module's tests (`src/compare/`), for the shapes of bench reports; the
 * verdict words are the same, so a later unified comparison can absorb it.
 */

import type { Verdict } from '../compare/comparison.js';
import { twoProportionTest } from '../compare/proportion.js';
import { studentTCdf } from '../compare/student-t.js';
import type { StressLevelResult } from './stress/stress-result.js';
import type { BenchReport, SuiteResult } from './bench-report.js';

export interface CompareBenchOptions {
  /** Fraction of the baseline a change must exceed (default 0.1). */
  maxRegression?: number;
  /** Confidence of the significance tests (default 0.95). */
  confidence?: number;
  baselineLabel?: string;
}

export type ChangeMetric = 'mean' | 'successRate' | 'opsPerSec';

export interface MetricChange {
  metric: ChangeMetric;
  /** Ms for `mean`, a fraction for `successRate`, per second for `opsPerSec`. */
  baseline: number;
  current: number;
  relativeChange: number | null;
  /** Two-sided p-value of the test; null for a ratio-only metric. */
  pValue: number | null;
  verdict: Verdict;
}

export interface EntryComparison {
  kind: 'bench' | 'stress';
  /** `lease creation`, or `concurrent leases (concurrency 10)` for a stress level. */
  label: string;
  presence: 'both' | 'added' | 'removed';
  metrics: MetricChange[];
  verdict: 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed';
}

export interface BenchComparison {
  baseline: { label: string; startedAt: string; volley: string };
  maxRegression: number;
  confidence: number;
  verdict: 'regressed' | 'improved' | 'unchanged';
  entries: EntryComparison[];
}

const SUCCESS_RATE_FLOOR = 0.005;

interface Sample {
  n: number;
  mean: number;
  sd: number;
}

/** Two-sided p-value of Welch's t-test; 0 or 1 when both spreads are 0. */
export function welchPValue(a: Sample, b: Sample): number {
  if (a.n < 2 || b.n < 2) return 1;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return a.mean === b.mean ? 1 : 0;
  const t = (b.mean - a.mean) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return Math.min(1, 2 * (1 - studentTCdf(Math.abs(t), df)));
}

function verdictOf(change: number, margin: number, significant: boolean, higherIsBetter: boolean): Verdict {
  if (!significant || Math.abs(change) <= margin) return 'unchanged';
  return (higherIsBetter ? change < 0 : change > 0) ? 'regressed' : 'improved';
}

function meanChange(a: Sample, b: Sample, maxRegression: number, alpha: number): MetricChange {
  const pValue = welchPValue(a, b);
  const change = b.mean - a.mean;
  return {
    metric: 'mean',
    baseline: a.mean,
    current: b.mean,
    relativeChange: a.mean > 0 ? change / a.mean : null,
    pValue,
    verdict: a.mean > 0 ? verdictOf(change, maxRegression * a.mean, pValue < alpha, false) : 'n/a',
  };
}

function levelChanges(
  a: StressLevelResult,
  b: StressLevelResult,
  maxRegression: number,
  alpha: number,
): MetricChange[] {
  const test = twoProportionTest(a.failures, a.ops, b.failures, b.ops);
  const rateChange = b.successRate - a.successRate;
  const opsChange = b.opsPerSec - a.opsPerSec;
  return [
    {
      metric: 'successRate',
      baseline: a.successRate,
      current: b.successRate,
      relativeChange: a.successRate > 0 ? rateChange / a.successRate : null,
      pValue: test.pValue,
      verdict: verdictOf(
        rateChange,
        Math.max(SUCCESS_RATE_FLOOR, maxRegression * (1 - a.successRate)),
        test.pValue < alpha,
        true,
      ),
    },
    {
      metric: 'opsPerSec',
      baseline: a.opsPerSec,
      current: b.opsPerSec,
      relativeChange: a.opsPerSec > 0 ? opsChange / a.opsPerSec : null,
      pValue: null,
      verdict: a.opsPerSec > 0 ? verdictOf(opsChange, maxRegression * a.opsPerSec, true, true) : 'n/a',
    },
    meanChange(
      { n: a.ops, mean: a.latency.mean, sd: a.latency.stdev },
      { n: b.ops, mean: b.latency.mean, sd: b.latency.stdev },
      maxRegression,
      alpha,
    ),
  ];
}

function entryVerdict(metrics: readonly MetricChange[]): EntryComparison['verdict'] {
  if (metrics.some((m) => m.verdict === 'regressed')) return 'regressed';
  return metrics.some((m) => m.verdict === 'improved') ? 'improved' : 'unchanged';
}

function keyOf(result: SuiteResult): string {
  return `${result.kind}\u0000${result.name}`;
}

/** Comparable pieces of one result: a completed bench, or each level of a completed stress. */
function pieces(result: SuiteResult): Map<string, { label: string; sample: Sample } | StressLevelResult> {
  const map = new Map<string, { label: string; sample: Sample } | StressLevelResult>();
  if (result.state !== 'completed') return map;
  if (result.kind === 'bench') {
    const { stats } = result;
    map.set('', { label: result.name, sample: { n: stats.count, mean: stats.mean, sd: stats.stdev } });
  } else {
    for (const level of result.levels) map.set(String(level.concurrency), level);
  }
  return map;
}

export function compareBenchReports(
  baseline: BenchReport,
  current: BenchReport,
  options: CompareBenchOptions = {},
): BenchComparison {
  const maxRegression = options.maxRegression ?? 0.1;
  const confidence = options.confidence ?? 0.95;
  const alpha = 1 - confidence;
  const before = new Map(baseline.results.map((result) => [keyOf(result), result]));
  const entries: EntryComparison[] = [];
  const seen = new Set<string>();
  for (const result of current.results) {
    const key = keyOf(result);
    seen.add(key);
    const old = before.get(key);
    const now = pieces(result);
    const then = old === undefined ? new Map() : pieces(old);
    for (const [piece, value] of now) {
      const label = now.size > 1 ? `${result.name} (concurrency ${piece})` : result.name;
      const previous = then.get(piece);
      if (previous === undefined) {
        entries.push({ kind: result.kind, label, presence: 'added', metrics: [], verdict: 'added' });
        continue;
      }
      const metrics =
        'sample' in value && 'sample' in previous
          ? [meanChange(previous.sample, value.sample, maxRegression, alpha)]
          : !('sample' in value) && !('sample' in previous)
            ? levelChanges(previous, value, maxRegression, alpha)
            : [];
      entries.push({ kind: result.kind, label, presence: 'both', metrics, verdict: entryVerdict(metrics) });
    }
  }
  for (const old of baseline.results) {
    if (seen.has(keyOf(old))) continue;
    entries.push({ kind: old.kind, label: old.name, presence: 'removed', metrics: [], verdict: 'removed' });
  }
  const verdict = entries.some((e) => e.verdict === 'regressed')
    ? 'regressed'
    : entries.some((e) => e.verdict === 'improved')
      ? 'improved'
      : 'unchanged';
  return {
    baseline: {
      label: options.baselineLabel ?? baseline.file ?? 'baseline',
      startedAt: baseline.startedAt,
      volley: baseline.volley,
    },
    maxRegression,
    confidence,
    verdict,
    entries,
  };
}

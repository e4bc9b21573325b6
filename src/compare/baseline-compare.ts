/**
 * A bench report against a baseline report, entry by entry (matched by kind and name; stress
 * levels by their key). A change counts when it is both significant (not noise) and larger than
 * `maxRegression` of the baseline (it matters), as in `volley compare` (`change-verdict.ts`):
 *
 * - mean time per call / per operation: Welch's t-test on the two means (`welch.ts`), two-sided
 *   at 1 − confidence;
 * - stress success rate: the two-proportion z-test, and a change of at least 0.5 points;
 * - stress throughput: one number per run, so only the ratio against the tolerance.
 *
 * Entries arrive as `ComparableEntry`s, which `src/bench/bench-compare.ts` makes of a report's
 * results: this engine knows statistics, not the shapes of bench results.
 */

import { changeVerdict } from './change-verdict.js';
import type { Verdict } from './comparison.js';
import { twoProportionTest } from './proportion.js';
import { type SampleSummary, welchPValue } from './welch.js';

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

export type EntryKind = 'bench' | 'stress';

export interface EntryComparison {
  kind: EntryKind;
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

/** What one measured piece offers to compare: times per call, or a stress level's counts too. */
export type ComparablePiece =
  | { kind: 'times'; times: SampleSummary }
  | {
      kind: 'level';
      ops: number;
      failures: number;
      successRate: number;
      opsPerSec: number;
      times: SampleSummary;
    };

/** One result of a report; `pieces` by key (`''` for a benchmark, the concurrency for a level). */
export interface ComparableEntry {
  kind: EntryKind;
  name: string;
  /** Empty when the result has nothing to compare (it errored). */
  pieces: ReadonlyMap<string, ComparablePiece>;
}

export interface ComparableReport {
  /** The report's file, or null. */
  file: string | null;
  startedAt: string;
  volley: string;
  entries: readonly ComparableEntry[];
}

const SUCCESS_RATE_FLOOR = 0.005;

function meanChange(a: SampleSummary, b: SampleSummary, maxRegression: number, alpha: number): MetricChange {
  const pValue = welchPValue(a, b);
  const change = b.mean - a.mean;
  return {
    metric: 'mean',
    baseline: a.mean,
    current: b.mean,
    relativeChange: a.mean > 0 ? change / a.mean : null,
    pValue,
    verdict: a.mean > 0 ? changeVerdict(change, maxRegression * a.mean, pValue < alpha) : 'n/a',
  };
}

type LevelPiece = Extract<ComparablePiece, { kind: 'level' }>;

function levelChanges(a: LevelPiece, b: LevelPiece, maxRegression: number, alpha: number): MetricChange[] {
  const test = twoProportionTest(a.failures, a.ops, b.failures, b.ops);
  const rateChange = b.successRate - a.successRate;
  const opsChange = b.opsPerSec - a.opsPerSec;
  const rateMargin = Math.max(SUCCESS_RATE_FLOOR, maxRegression * (1 - a.successRate));
  return [
    {
      metric: 'successRate',
      baseline: a.successRate,
      current: b.successRate,
      relativeChange: a.successRate > 0 ? rateChange / a.successRate : null,
      pValue: test.pValue,
      verdict: changeVerdict(rateChange, rateMargin, test.pValue < alpha, true),
    },
    {
      metric: 'opsPerSec',
      baseline: a.opsPerSec,
      current: b.opsPerSec,
      relativeChange: a.opsPerSec > 0 ? opsChange / a.opsPerSec : null,
      pValue: null,
      verdict: a.opsPerSec > 0 ? changeVerdict(opsChange, maxRegression * a.opsPerSec, true, true) : 'n/a',
    },
    meanChange(a.times, b.times, maxRegression, alpha),
  ];
}

function pieceChanges(
  previous: ComparablePiece,
  current: ComparablePiece,
  maxRegression: number,
  alpha: number,
): MetricChange[] {
  if (previous.kind === 'times' && current.kind === 'times') {
    return [meanChange(previous.times, current.times, maxRegression, alpha)];
  }
  if (previous.kind === 'level' && current.kind === 'level') {
    return levelChanges(previous, current, maxRegression, alpha);
  }
  return [];
}

function entryVerdict(metrics: readonly MetricChange[]): EntryComparison['verdict'] {
  if (metrics.some((m) => m.verdict === 'regressed')) return 'regressed';
  return metrics.some((m) => m.verdict === 'improved') ? 'improved' : 'unchanged';
}

function keyOf(entry: ComparableEntry): string {
  return `${entry.kind}\u0000${entry.name}`;
}

function compareEntries(
  baseline: readonly ComparableEntry[],
  current: readonly ComparableEntry[],
  maxRegression: number,
  alpha: number,
): EntryComparison[] {
  const before = new Map(baseline.map((entry) => [keyOf(entry), entry]));
  const entries: EntryComparison[] = [];
  const seen = new Set<string>();
  for (const entry of current) {
    const key = keyOf(entry);
    seen.add(key);
    const then = before.get(key)?.pieces ?? new Map<string, ComparablePiece>();
    for (const [piece, value] of entry.pieces) {
      const label = entry.pieces.size > 1 ? `${entry.name} (concurrency ${piece})` : entry.name;
      const previous = then.get(piece);
      if (previous === undefined) {
        entries.push({ kind: entry.kind, label, presence: 'added', metrics: [], verdict: 'added' });
        continue;
      }
      const metrics = pieceChanges(previous, value, maxRegression, alpha);
      entries.push({ kind: entry.kind, label, presence: 'both', metrics, verdict: entryVerdict(metrics) });
    }
  }
  for (const old of baseline) {
    if (seen.has(keyOf(old))) continue;
    entries.push({ kind: old.kind, label: old.name, presence: 'removed', metrics: [], verdict: 'removed' });
  }
  return entries;
}

export function compareWithBaseline(
  baseline: ComparableReport,
  current: ComparableReport,
  options: CompareBenchOptions = {},
): BenchComparison {
  const maxRegression = options.maxRegression ?? 0.1;
  const confidence = options.confidence ?? 0.95;
  const entries = compareEntries(baseline.entries, current.entries, maxRegression, 1 - confidence);
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

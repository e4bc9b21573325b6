/**
 * A bench report against a baseline report: the report's results as the comparison engine's
 * entries (`src/compare/baseline-compare.ts`), a benchmark by its times per call, a stress test
 * by each level's counts, throughput and times per operation. The statistics and the verdicts
 * are the engine's, the same `volley compare` uses.
 */

import {
  type BenchComparison,
  type ComparableEntry,
  type ComparablePiece,
  type ComparableReport,
  type CompareBenchOptions,
  compareWithBaseline,
} from '../compare/baseline-compare.js';
import type { BenchReport, SuiteResult } from './bench-report.js';

export type {
  BenchComparison,
  ChangeMetric,
  CompareBenchOptions,
  EntryComparison,
  MetricChange,
} from '../compare/baseline-compare.js';

/** Comparable pieces of one result: a completed bench, or each level of a completed stress. */
function piecesOf(result: SuiteResult): Map<string, ComparablePiece> {
  const pieces = new Map<string, ComparablePiece>();
  if (result.state !== 'completed') return pieces;
  if (result.kind === 'bench') {
    const { stats } = result;
    pieces.set('', { kind: 'times', times: { n: stats.count, mean: stats.mean, sd: stats.stdev } });
    return pieces;
  }
  for (const level of result.levels) {
    pieces.set(String(level.concurrency), {
      kind: 'level',
      ops: level.ops,
      failures: level.failures,
      successRate: level.successRate,
      opsPerSec: level.opsPerSec,
      times: { n: level.ops, mean: level.latency.mean, sd: level.latency.stdev },
    });
  }
  return pieces;
}

function comparable(report: BenchReport): ComparableReport {
  const entries: ComparableEntry[] = report.results.map((result) => ({
    kind: result.kind,
    name: result.name,
    pieces: piecesOf(result),
  }));
  return { file: report.file, startedAt: report.startedAt, volley: report.volley, entries };
}

export function compareBenchReports(
  baseline: BenchReport,
  current: BenchReport,
  options: CompareBenchOptions = {},
): BenchComparison {
  return compareWithBaseline(comparable(baseline), comparable(current), options);
}

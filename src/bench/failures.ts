/**
 * Why benchmark and stress results failed, one line each, naming the entry and the measured
 * value: `bench 'lease creation': mean<50ms failed, measured 61.2ms`. The terminal verdict and
 * `assertPassed` both print these, so a CI log and a test failure read the same.
 */

import type { BenchComparison } from './bench-compare.js';
import type { SuiteResult } from './bench-report.js';

export function resultFailures(result: SuiteResult): string[] {
  const label = `${result.kind} '${result.name}'`;
  if (result.state === 'errored') {
    return [`${label}: ${result.error.name}: ${result.error.message} (in ${result.phase})`];
  }
  const lines: string[] = [];
  for (const verdict of result.thresholds) {
    if (verdict.ok) continue;
    const note = verdict.note === undefined ? '' : ` (${verdict.note})`;
    lines.push(`${label}: ${verdict.expression} failed, measured ${verdict.actualText}${note}`);
  }
  if (result.kind === 'stress' && result.thresholds.length === 0 && !result.ok) {
    const failures = result.levels.reduce((sum, level) => sum + level.failures, 0);
    const first = result.levels.flatMap((level) => level.errors)[0];
    const example = first === undefined ? '' : `, e.g. ${first.name}: ${first.message}`;
    lines.push(
      `${label}: ${failures} operation${failures === 1 ? '' : 's'} failed (no thresholds set)${example}`,
    );
  }
  return lines;
}

export function comparisonFailures(comparison: BenchComparison | null): string[] {
  if (comparison === null) return [];
  return comparison.entries
    .filter((entry) => entry.verdict === 'regressed')
    .map(
      (entry) =>
        `${entry.kind} '${entry.label}': regressed against the baseline ${comparison.baseline.label}`,
    );
}

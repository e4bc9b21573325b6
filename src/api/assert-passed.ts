/**
 * `assertPassed(result)`: the one assertion a test writes after a load test, benchmark or stress
 * test. It throws an error listing every failed threshold with its measured value (and errors,
 * failed requests, regressions), so the test runner's failure message says what broke:
 *
 *   await assertPassed(await run(scenario, { users: 10, duration: '5s' }));
 *   assertPassed(await runStress(stress('reads', read, { concurrency: 50, opsPerWorker: 2 })));
 */

import type { BenchReport } from '../bench/bench-report.js';
import type { BenchResult } from '../bench/bench-result.js';
import { comparisonFailures, resultFailures } from '../bench/failures.js';
import type { Result } from '../metrics/result.js';
import type { StressResult } from '../bench/stress/stress-result.js';

export type AssertableResult = Result | BenchResult | StressResult | BenchReport;

/** Thrown by `assertPassed`; `failures` has one line per reason. */
export class ThresholdsFailedError extends Error {
  readonly failures: readonly string[];

  constructor(what: string, failures: readonly string[]) {
    super(`${what} failed:\n${failures.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ThresholdsFailedError';
    this.failures = failures;
  }
}

function runFailures(result: Result): string[] {
  const lines: string[] = [];
  if (result.outcome === 'aborted')
    lines.push(`the run was aborted${result.abortReason ? `: ${result.abortReason}` : ''}`);
  for (const verdict of result.thresholds) {
    if (verdict.ok) continue;
    const note = verdict.note === undefined ? '' : ` (${verdict.note})`;
    lines.push(`${verdict.expression} failed, measured ${verdict.actualText}${note}`);
  }
  if (result.thresholds.length === 0 && result.totals.failures > 0) {
    const first = result.errors[0];
    const example = first === undefined ? '' : `, e.g. ${first.endpoint}: ${first.message}`;
    lines.push(
      `${result.totals.failures} of ${result.totals.requests} requests failed (no thresholds set)${example}`,
    );
  }
  if (result.totals.checks.fails > 0) lines.push(`${result.totals.checks.fails} checks failed`);
  if (lines.length === 0 && !result.ok) lines.push(`the run ${result.outcome}`);
  return lines;
}

export function assertPassed(result: AssertableResult): void {
  if (result.ok) return;
  if ('kind' in result) {
    if (result.kind === 'volley-bench') {
      const lines = [...result.results.flatMap(resultFailures), ...comparisonFailures(result.comparison)];
      if (result.outcome === 'aborted') lines.unshift('the bench run was interrupted');
      throw new ThresholdsFailedError('bench run', lines);
    }
    const lines = resultFailures(result);
    throw new ThresholdsFailedError(`${result.kind} '${result.name}'`, lines.length > 0 ? lines : ['not ok']);
  }
  throw new ThresholdsFailedError(`load test '${result.scenario.name}'`, runFailures(result));
}

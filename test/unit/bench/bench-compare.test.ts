import { describe, expect, it } from 'vitest';
import { compareBenchReports } from '../../../src/bench/bench-compare.js';
import type { SuiteResult } from '../../../src/bench/bench-report.js';
import type { CompletedBench } from '../../../src/bench/bench-result.js';
import { benchResult, levelResult, report, stressResult } from './fixtures.js';

function benchWith(name: string, count: number, mean: number, stdev: number): CompletedBench {
  const result = benchResult(name);
  result.stats = { ...result.stats, count, mean, stdev };
  return result;
}

describe('comparing bench reports', () => {
  const baseline = report([
    benchWith('fast', 100, 10, 1),
    benchWith('steady', 100, 10, 1),
    benchWith('gone', 100, 10, 1),
    stressResult('reads', [levelResult(1, { opsPerSec: 100 }), levelResult(10, { opsPerSec: 1000 })]),
  ]);

  it('flags significant changes beyond the tolerance, and lists added and removed entries', () => {
    const current = report([
      benchWith('fast', 100, 12, 1), // +20%, significant: regressed
      benchWith('steady', 100, 10.5, 1), // +5%: within the 10% tolerance
      benchWith('new', 100, 10, 1),
      stressResult('reads', [levelResult(1, { opsPerSec: 100 }), levelResult(10, { opsPerSec: 1500 })]),
    ]);
    const comparison = compareBenchReports(baseline, current, { baselineLabel: 'old.json' });
    const verdicts = comparison.entries.map((e) => [e.label, e.verdict]);
    expect(verdicts).toEqual([
      ['fast', 'regressed'],
      ['steady', 'unchanged'],
      ['new', 'added'],
      ['reads (concurrency 1)', 'unchanged'],
      ['reads (concurrency 10)', 'improved'],
      ['gone', 'removed'],
    ]);
    expect(comparison.verdict).toBe('regressed');
    expect(comparison.baseline.label).toBe('old.json');
    const fast = comparison.entries[0]?.metrics[0];
    expect(fast).toMatchObject({ metric: 'mean', baseline: 10, current: 12, relativeChange: 0.2 });
    expect(fast?.pValue).toBeLessThan(1e-6);
  });

  it('calls a drop in success rate a regression when it is significant', () => {
    const failing = levelResult(1, { opsPerSec: 100, failures: 50, successes: 950, successRate: 0.95 });
    const current = report([stressResult('reads', [failing, levelResult(10, { opsPerSec: 1000 })])]);
    const comparison = compareBenchReports(report([baseline.results[3] as SuiteResult]), current);
    const level1 = comparison.entries[0];
    expect(level1?.verdict).toBe('regressed');
    expect(level1?.metrics.find((m) => m.metric === 'successRate')?.verdict).toBe('regressed');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeTrend } from '../../../src/compare/trend.js';
import { lognormalHistogram, result, stats } from './fixtures.js';

/** A daily run with the given median latency (ms); runs given newest first are sorted. */
function series(medians: readonly number[]) {
  return medians.map((medianMs, i) =>
    result({
      startedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      totals: stats(lognormalHistogram({ seed: 100 + i, count: 1500, medianMs }), { rps: 100 }),
    }),
  );
}

describe('trend over saved runs', () => {
  it('marks the first run of a sustained regression, and only it', () => {
    const points = analyzeTrend(series([20, 20, 20, 20, 20, 20, 28, 28, 28, 28]));
    expect(points.map((p) => p.verdict)).toEqual([
      'n/a',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'regressed',
      'regressed',
      'regressed',
      // Three of the five previous runs are slow now: the median has moved, the new normal.
      'unchanged',
    ]);
    expect(points.map((p) => p.regressionBegan)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(points[6]?.metrics.find((m) => m.metric === 'p50')?.verdict).toBe('regressed');
    expect(points[6]?.baselineRuns).toBe(5);
  });

  it('does not call a single slow run a regression', () => {
    const points = analyzeTrend(series([20, 20, 20, 28, 20, 20]));
    expect(points[3]?.verdict).toBe('regressed');
    expect(points.some((p) => p.regressionBegan)).toBe(false);
  });

  it('compares with the median, so one earlier outlier neither hides nor fakes a change', () => {
    const points = analyzeTrend(series([20, 20, 35, 20, 20]));
    expect(points[3]?.verdict).toBe('unchanged');
    expect(points[4]?.verdict).toBe('unchanged');
  });

  it('sorts runs by start time and reports their key numbers', () => {
    const runs = series([20, 20, 20]);
    const points = analyzeTrend([...runs].reverse());
    expect(points.map((p) => p.startedAt)).toEqual(runs.map((r) => r.startedAt));
    expect(points[0]).toMatchObject({
      verdict: 'n/a',
      requests: 1500,
      rps: 100,
      errorRate: 0,
      p50: runs[0]?.totals.latency.p50,
      p99: runs[0]?.totals.latency.p99,
      metrics: [],
    });
  });

  it('honours the window and the length a regression must hold', () => {
    const medians = [20, 20, 28, 28, 28];
    expect(analyzeTrend(series(medians), { sustain: 3 }).map((p) => p.regressionBegan)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    // With a window of 1 each run is compared with the one before: the level change shows once.
    expect(analyzeTrend(series(medians), { window: 1 }).map((p) => p.verdict)).toEqual([
      'n/a',
      'unchanged',
      'regressed',
      'unchanged',
      'unchanged',
    ]);
  });
});

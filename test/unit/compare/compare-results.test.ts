import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/compare/compare-results.js';
import type { MetricComparison, MetricName } from '../../../src/compare/comparison.js';
import { isVolleyError } from '../../../src/errors.js';
import type { TimeSeriesPoint } from '../../../src/metrics/result.js';
import { endpoint, histogramOf, lognormalHistogram, result, stats } from './fixtures.js';

const metric = (metrics: MetricComparison[], name: MetricName): MetricComparison =>
  metrics.find((m) => m.metric === name) as MetricComparison;

const run = (seed: number, medianMs: number, count = 1000): ReturnType<typeof result> =>
  result({ totals: stats(lognormalHistogram({ seed, count, medianMs }), { rps: 100 }) });

/** Evenly spread latencies (µs) around a centre: no sampling noise to argue about. */
const spread = (centreUs: number, count = 2000): number[] =>
  Array.from({ length: count }, (_, i) => Math.round(centreUs * (0.9 + (0.2 * i) / (count - 1))));

describe('latency: bootstrap interval plus tolerance', () => {
  it('finds no significant change between runs of one distribution, in at least 90% of 50 pairs', () => {
    let flagged = 0;
    for (let seed = 0; seed < 50; seed += 1) {
      const comparison = compareResults(run(1000 + seed, 20), run(5000 + seed, 20));
      if (comparison.verdict !== 'unchanged') flagged += 1;
    }
    expect(flagged / 50).toBeLessThanOrEqual(0.1);
  });

  it('keeps each interval honest: with no tolerance, each percentile is flagged in at most 10% of pairs', () => {
    const flagged: Record<string, number> = { p50: 0, p95: 0, p99: 0 };
    for (let seed = 0; seed < 50; seed += 1) {
      const comparison = compareResults(run(2000 + seed, 20), run(6000 + seed, 20), { maxRegression: 0 });
      for (const name of ['p50', 'p95', 'p99'] as const) {
        if (metric(comparison.total.metrics, name).verdict !== 'unchanged')
          flagged[name] = (flagged[name] ?? 0) + 1;
      }
    }
    for (const count of Object.values(flagged)) expect(count / 50).toBeLessThanOrEqual(0.1);
  });

  it('calls a 30% slower run regressed', () => {
    const comparison = compareResults(run(1, 20), run(2, 26));
    expect(comparison.verdict).toBe('regressed');
    for (const name of ['p50', 'p95', 'p99'] as const) {
      const m = metric(comparison.total.metrics, name);
      expect(m.verdict).toBe('regressed');
      expect(m.evidence.kind === 'bootstrap' && m.evidence.low > 0).toBe(true);
      expect(m.change).toBeCloseTo((m.current ?? 0) - (m.baseline ?? 0), 9);
    }
    expect(metric(comparison.total.metrics, 'p50').relativeChange).toBeGreaterThan(0.2);
  });

  it('calls a 30% faster run improved', () => {
    const comparison = compareResults(run(1, 26), run(2, 20));
    expect(comparison.verdict).toBe('improved');
    expect(metric(comparison.total.metrics, 'p50').verdict).toBe('improved');
    expect(comparison.counts.regressed).toBe(0);
  });

  it('lets the tolerance decide a real but small change', () => {
    const base = result({ totals: stats(histogramOf(spread(20_000)), { rps: 100 }) });
    const slower = (factor: number) =>
      result({ totals: stats(histogramOf(spread(20_000 * factor)), { rps: 100 }) });
    const nine = metric(compareResults(base, slower(1.09)).total.metrics, 'p50');
    // The change is certain (the interval excludes 0) but below 10%: not a regression.
    expect(nine.evidence.kind === 'bootstrap' && nine.evidence.low > 0).toBe(true);
    expect(nine.relativeChange).toBeCloseTo(0.09, 2);
    expect(nine.verdict).toBe('unchanged');
    expect(metric(compareResults(base, slower(1.11)).total.metrics, 'p50').verdict).toBe('regressed');
    expect(
      metric(compareResults(base, slower(1.09), { maxRegression: 0.05 }).total.metrics, 'p50').verdict,
    ).toBe('regressed');
    expect(nine.margin).toBeCloseTo(2.0, 2);
  });

  it('reads identical histograms as no change at all', () => {
    const encoded = lognormalHistogram({ seed: 9, count: 2000, medianMs: 20 });
    const comparison = compareResults(
      result({ totals: stats(encoded) }),
      result({ totals: stats(encoded) }),
      { maxRegression: 0 },
    );
    for (const m of comparison.total.metrics) {
      expect(m.verdict).toBe('unchanged');
      if (m.unit === 'ms') expect(m.change).toBe(0);
    }
    expect(comparison.total.shift?.probabilitySlower).toBe(0.5);
  });
});

describe('noise between seconds', () => {
  const seconds = (values: number[]): TimeSeriesPoint[] =>
    values.map((v, i) => ({ t: i + 1, users: 5, rps: 100, failuresPerSec: 0, p50: v, p95: v, p99: v }));
  const withSeries = (factor: number, series: number[]) => {
    const row = stats(histogramOf(spread(20_000 * factor)), { rps: 100 });
    return {
      ...result({ totals: row, endpoints: [endpoint({ name: '/' }, row)] }),
      timeSeries: seconds(series),
    };
  };

  it('keeps a shift that every second shows', () => {
    const comparison = compareResults(withSeries(1, [20, 20.2, 19.9]), withSeries(1.15, [23, 23.1, 22.9]));
    const p50 = metric(comparison.total.metrics, 'p50');
    expect(p50.verdict).toBe('regressed');
    expect(p50.evidence.kind === 'bootstrap' && p50.evidence.seconds?.blocks).toEqual([3, 3]);
  });

  it('does not trust a shift the seconds disagree about, in the total and in every endpoint', () => {
    const quiet = compareResults(withSeries(1, []), withSeries(1.15, []));
    expect(metric(quiet.total.metrics, 'p50').verdict).toBe('regressed');
    const noisy = compareResults(withSeries(1, [18, 22, 20]), withSeries(1.15, [20, 27, 22]));
    const total = metric(noisy.total.metrics, 'p50');
    expect(total.verdict).toBe('unchanged');
    if (total.evidence.kind !== 'bootstrap') throw new Error('expected a bootstrap interval');
    const { low, high, requests, noiseFactor } = total.evidence;
    expect(requests.low).toBeGreaterThan(0);
    expect(low).toBeLessThan(0);
    expect(noiseFactor).toBeGreaterThan(1);
    // Widened around the estimate by the factor.
    expect(high - (total.change ?? 0)).toBeCloseTo(noiseFactor * (requests.high - (total.change ?? 0)), 9);
    const row = metric(noisy.endpoints[0]?.metrics ?? [], 'p50');
    expect(row.verdict).toBe('unchanged');
    expect(row.evidence.kind === 'bootstrap' && row.evidence.noiseFactor).toBe(noiseFactor);
  });
});

describe('too few requests', () => {
  it('does not judge a percentile decided by fewer than 10 requests beyond it', () => {
    const comparison = compareResults(run(1, 20, 500), run(2, 40, 500));
    const p99 = metric(comparison.total.metrics, 'p99');
    expect(p99.verdict).toBe('n/a');
    expect(p99.evidence).toEqual({ kind: 'none', reason: 'too few requests (p99 needs 1000)' });
    expect(p99.relativeChange).toBeGreaterThan(0.5);
    expect(metric(comparison.total.metrics, 'p95').verdict).toBe('regressed');
    const relaxed = compareResults(run(1, 20, 500), run(2, 40, 500), { minTail: 5 });
    expect(metric(relaxed.total.metrics, 'p99').verdict).toBe('regressed');
  });

  it('judges p99 from exactly 1,000 requests', () => {
    const comparison = compareResults(run(1, 20, 1000), run(2, 40, 1000));
    expect(metric(comparison.total.metrics, 'p99').verdict).toBe('regressed');
    expect(metric(compareResults(run(1, 20, 999), run(2, 40, 1000)).total.metrics, 'p99').verdict).toBe(
      'n/a',
    );
  });
});

describe('error rate: two-proportion test plus tolerance', () => {
  const withErrors = (requests: number, failures: number) => {
    const values = Array.from({ length: requests }, () => 20_000);
    return result({ totals: stats(histogramOf(values), { failures, rps: 100 }) });
  };

  it('regresses when the rate rises significantly and by more than 0.5 pp', () => {
    const m = metric(compareResults(withErrors(1000, 10), withErrors(1000, 30)).total.metrics, 'errorRate');
    expect(m.verdict).toBe('regressed');
    expect(m.change).toBeCloseTo(0.02, 12);
    expect(m.evidence.kind).toBe('two-proportion');
    if (m.evidence.kind === 'two-proportion') {
      // pooled p = 0.02, se = √(0.02·0.98·2/1000), z = 0.02 / se
      expect(m.evidence.z).toBeCloseTo(0.02 / Math.sqrt((0.02 * 0.98 * 2) / 1000), 9);
      expect(m.evidence.pValue).toBeCloseTo(0.0014007, 5);
    }
  });

  it('improves when the rate falls the same way', () => {
    const m = metric(compareResults(withErrors(1000, 30), withErrors(1000, 10)).total.metrics, 'errorRate');
    expect(m.verdict).toBe('improved');
  });

  it('ignores significant changes below the 0.5 pp floor', () => {
    const m = metric(
      compareResults(withErrors(200_000, 2000), withErrors(200_000, 2800)).total.metrics,
      'errorRate',
    );
    expect(m.evidence.kind === 'two-proportion' && m.evidence.pValue < 0.001).toBe(true);
    expect(m.margin).toBe(0.005);
    expect(m.verdict).toBe('unchanged');
  });

  it('ignores large changes that few requests cannot establish', () => {
    const m = metric(compareResults(withErrors(50, 0), withErrors(50, 2)).total.metrics, 'errorRate');
    expect(m.change).toBeCloseTo(0.04, 12);
    expect(m.verdict).toBe('unchanged');
  });
});

describe('throughput: ratio against the tolerance', () => {
  const at = (rps: number) => result({ totals: stats(histogramOf(spread(20_000)), { rps }) });
  it.each([
    [100, 89, 'regressed'],
    [100, 91, 'unchanged'],
    [100, 109, 'unchanged'],
    [100, 120, 'improved'],
  ] as const)('%d/s → %d/s is %s', (before, after, verdict) => {
    const m = metric(compareResults(at(before), at(after)).total.metrics, 'rps');
    expect(m.verdict).toBe(verdict);
    expect(m.evidence.kind).toBe('ratio');
    expect(m.relativeChange).toBeCloseTo((after - before) / before, 12);
  });
});

describe('rows', () => {
  const h = (seed: number, medianMs = 20) => stats(lognormalHistogram({ seed, count: 400, medianMs }));

  it('matches endpoints by user, method and name; lists added and removed ones', () => {
    const baseline = result({
      totals: h(1),
      endpoints: [
        endpoint({ name: '/a', method: 'GET' }, h(2)),
        endpoint({ name: '/a', method: 'POST' }, h(3)),
        endpoint({ name: '/gone' }, h(4)),
      ],
    });
    const current = result({
      totals: h(11),
      endpoints: [
        endpoint({ name: '/a', method: 'POST' }, h(13, 30)),
        endpoint({ name: '/a', method: 'GET' }, h(12)),
        endpoint({ name: '/a', method: 'GET', user: 'Admin' }, h(14)),
      ],
    });
    const comparison = compareResults(baseline, current);
    expect(comparison.endpoints.map((r) => [r.label, r.presence, r.verdict])).toEqual([
      ['U GET /a', 'both', 'unchanged'],
      ['U POST /a', 'both', 'regressed'],
      ['U GET /gone', 'removed', 'removed'],
      ['Admin GET /a', 'added', 'added'],
    ]);
    const added = comparison.endpoints[3];
    expect(added?.requests).toEqual({ baseline: null, current: 400 });
    expect(added?.metrics.every((m) => m.verdict === 'n/a')).toBe(true);
    expect(comparison.verdict).toBe('regressed');
  });

  it("judges a row the same whatever other rows exist (each row's stream is seeded by its key)", () => {
    const row = (seed: number) => endpoint({ name: '/x' }, h(seed, 21));
    const alone = compareResults(
      result({ totals: h(1), endpoints: [row(2)] }),
      result({ totals: h(3), endpoints: [row(4)] }),
    );
    const crowded = compareResults(
      result({ totals: h(1), endpoints: [endpoint({ name: '/y' }, h(5)), row(2)] }),
      result({ totals: h(3), endpoints: [endpoint({ name: '/y' }, h(6)), row(4)] }),
    );
    expect(crowded.endpoints[1]).toEqual(alone.endpoints[0]);
    expect(compareResults(result({ totals: h(1) }), result({ totals: h(3) }))).toEqual(
      compareResults(result({ totals: h(1) }), result({ totals: h(3) })),
    );
  });

  it('warns when the runs are not like for like', () => {
    const comparison = compareResults(
      result({ totals: h(1), load: '10 users for 10s' }),
      result({
        totals: h(2),
        load: '50 users for 10s',
        scenario: 'other',
        warnings: ['generator CPU saturated'],
      }),
    );
    expect(comparison.warnings).toHaveLength(2);
    expect(comparison.warnings[0]).toBe(
      "NOT LIKE FOR LIKE: the runs differ in scenario 'checkout' vs 'other'; load 10 users for 10s vs 50 users for 10s. " +
        'Throughput is not judged, and latency and errors may differ for that reason alone.',
    );
    expect(comparison.warnings.join('\n')).toContain('current run: generator CPU saturated');
    expect(comparison.total.metrics.find((m) => m.metric === 'rps')).toMatchObject({ verdict: 'n/a' });
  });

  it('judges no throughput between runs of different lengths or tags, and says so', () => {
    const short = result({ totals: h(1) });
    const long = { ...result({ totals: stats(h(1).histogram, { rps: 80 }) }), durationMs: 25_000 };
    long.options = { tags: ['smoke'] };
    const comparison = compareResults(short, long);
    expect(comparison.warnings[0]).toContain('narrowing none vs --tags smoke; duration 10s vs 25s');
    const rps = comparison.total.metrics.find((m) => m.metric === 'rps');
    expect(rps?.verdict).toBe('n/a');
    expect(rps?.evidence).toEqual({
      kind: 'none',
      reason: 'not like for like: narrowing none vs --tags smoke; duration 10s vs 25s',
    });
    expect(comparison.verdict).not.toBe('improved');
  });

  it('calls nothing improved on a row that failed entirely in both runs', () => {
    const failing = (seed: number, rps: number) => {
      const row = stats(h(seed).histogram, { rps });
      return { ...row, failures: row.requests };
    };
    const comparison = compareResults(result({ totals: failing(1, 10) }), result({ totals: failing(2, 30) }));
    expect(comparison.total.verdict).toBe('unchanged');
    for (const metric of comparison.total.metrics.filter((m) => m.metric !== 'errorRate')) {
      expect(metric).toMatchObject({ verdict: 'n/a', evidence: { reason: 'every request failed in both runs' } });
    }
  });

  it('names the run and row of a corrupt histogram', () => {
    const broken = result({ totals: { ...h(1), histogram: 'not-a-histogram' } });
    try {
      compareResults(result({ totals: h(2) }), broken, { currentLabel: 'b.json' });
      expect.unreachable();
    } catch (error) {
      expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_USAGE');
      expect((error as Error).message).toContain('b.json');
      expect((error as Error).message).toContain('Total');
    }
  });

  it('rejects nonsensical settings, all at once', () => {
    expect(() =>
      compareResults(result({ totals: h(1) }), result({ totals: h(2) }), {
        maxRegression: -1,
        confidence: 1,
      }),
    ).toThrow(/max regression.*; confidence/);
  });

  it('compares 20 endpoints of 5,000 requests each in well under a second', () => {
    const make = (base: number) =>
      result({
        totals: stats(lognormalHistogram({ seed: base, count: 100_000, medianMs: 20 })),
        endpoints: Array.from({ length: 20 }, (_, i) =>
          endpoint(
            { name: `/e${i}` },
            stats(lognormalHistogram({ seed: base + i + 1, count: 5000, medianMs: 10 + i })),
          ),
        ),
      });
    const a = make(100);
    const b = make(200);
    const started = performance.now();
    compareResults(a, b);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

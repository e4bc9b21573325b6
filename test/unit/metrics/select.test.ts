/**
 * RunAggregate.select(), the StatsSource thresholds query: row filters (scenario, user, name or
 * `METHOD name`, method, tag), check counts, and trailing windows. Latencies are below 2048 µs,
 * where HDR histograms are exact, so every figure is compared exactly.
 */

import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import type { MergedStats } from '../../../src/metrics/stats-source.js';
import { manualRecorder } from './helpers.js';

/**
 * AuthUser  POST /api/login  [auth]        100 200 300 400 µs, 1 failure
 * AuthUser  GET  /health     [smoke]       50 50 µs
 * PaymentUser POST /api/pay  [pay, smoke]  1000 2000 µs, 2 failures
 * checkout/Buyer GET /cart   []            10 µs
 * Checks: AuthUser ok 3 passes 1 fail; PaymentUser ok 2 fails. Recorded over 4 s.
 */
function fixture(): RunAggregate {
  const { recorder, at } = manualRecorder();
  const auth = recorder.scope('', 'AuthUser', ['auth']);
  const authSmoke = recorder.scope('', 'AuthUser', ['smoke']);
  const pay = recorder.scope('', 'PaymentUser', ['pay', 'smoke']);
  const buyer = recorder.scope('checkout', 'Buyer', []);
  const login = recorder.endpoint(auth, 'POST', '/api/login');
  const health = recorder.endpoint(authSmoke, 'GET', '/health');
  const charge = recorder.endpoint(pay, 'POST', '/api/pay');
  const cart = recorder.endpoint(buyer, 'GET', '/cart');
  [100, 200, 300, 400].forEach((us, i) => {
    recorder.record(login, us, 1, i === 0 ? 500 : 200, 0, 0, i === 0);
  });
  for (const us of [50, 50]) recorder.record(health, us, 1, 200, 0, 0, false);
  for (const us of [1000, 2000]) recorder.record(charge, us, 1, 502, 0, 0, true);
  recorder.record(cart, 10, 1, 200, 0, 0, false);
  for (const passed of [true, true, false, true]) recorder.check(auth, 'ok', passed);
  recorder.check(pay, 'ok', false);
  recorder.check(pay, 'ok', false);
  at(4000);
  const aggregate = new RunAggregate();
  aggregate.add(recorder.flush(4));
  return aggregate;
}

function figures(stats: MergedStats) {
  const { latency, ...rest } = stats;
  return {
    ...rest,
    latency:
      latency === null
        ? null
        : { min: latency.min, max: latency.max, mean: latency.mean, p50: latency.percentile(50) },
  };
}

describe('RunAggregate.select', () => {
  const aggregate = fixture();

  it('merges every row for an empty filter', () => {
    // All 9: 10 50 50 100 200 300 400 1000 2000 µs; sum 4110; p50 = 5th = 200 µs.
    const all = figures(aggregate.select({}));
    expect(all).toMatchObject({
      rows: 4,
      requests: 9,
      failures: 3,
      seconds: 4,
      checks: { passes: 3, fails: 3 },
    });
    expect(all.latency).toMatchObject({ min: 0.01, max: 2, p50: 0.2 });
    expect(all.latency!.mean).toBeCloseTo(4.11 / 9, 12);
  });

  it('filters by user class, checks included', () => {
    expect(figures(aggregate.select({ user: 'AuthUser' }))).toEqual({
      rows: 2,
      requests: 6,
      failures: 1,
      seconds: 4,
      checks: { passes: 3, fails: 1 },
      // 50 50 100 200 300 400: p50 = 3rd = 100 µs; mean 1100 / 6.
      latency: { min: 0.05, max: 0.4, mean: 1.1 / 6, p50: 0.1 },
    });
  });

  it('filters by name, or by `METHOD name`', () => {
    for (const name of ['/api/login', 'POST /api/login']) {
      expect(aggregate.select({ name })).toMatchObject({ rows: 1, requests: 4, failures: 1 });
    }
    expect(aggregate.select({ name: 'GET /api/login' })).toMatchObject({
      rows: 0,
      requests: 0,
      latency: null,
    });
    // Checks belong to user classes: a row selector counts none.
    expect(aggregate.select({ name: '/api/login' }).checks).toEqual({ passes: 0, fails: 0 });
  });

  it('filters by method, in any case', () => {
    for (const method of ['POST', 'post']) {
      expect(figures(aggregate.select({ method }))).toMatchObject({
        rows: 2,
        requests: 6,
        failures: 3,
        checks: { passes: 0, fails: 0 },
        latency: { min: 0.1, max: 2 },
      });
    }
  });

  it('filters by tag', () => {
    expect(aggregate.select({ tag: 'smoke' })).toMatchObject({ rows: 2, requests: 4, failures: 2 });
    expect(aggregate.select({ tag: 'auth' })).toMatchObject({ rows: 1, requests: 4 });
    expect(aggregate.select({ tag: 'none' })).toMatchObject({ rows: 0, latency: null });
  });

  it('filters by scenario and combines filters with AND', () => {
    expect(aggregate.select({ scenario: 'checkout' })).toMatchObject({ rows: 1, requests: 1 });
    expect(aggregate.select({ scenario: 'checkout' }).checks).toEqual({ passes: 0, fails: 0 });
    expect(aggregate.select({ user: 'AuthUser', tag: 'smoke' })).toMatchObject({ rows: 1, requests: 2 });
    expect(aggregate.select({ user: 'PaymentUser', method: 'GET' })).toMatchObject({ rows: 0, requests: 0 });
    expect(aggregate.select({ user: 'PaymentUser' }).checks).toEqual({ passes: 0, fails: 2 });
  });

  it('matches nothing for an unknown user', () => {
    expect(aggregate.select({ user: 'Nobody' })).toEqual({
      rows: 0,
      requests: 0,
      failures: 0,
      seconds: 4,
      latency: null,
      checks: { passes: 0, fails: 0 },
    });
  });
});

describe('RunAggregate.select over a trailing window', () => {
  /**
   * Worker 0 reports second k (k = 1..6) with k requests of k·100 µs, one of them failed from
   * second 5 on; worker 1 reports seconds 5 and 6 with 10 requests of 900 µs each. The aggregate
   * keeps a 3 s window.
   */
  function windowed(): RunAggregate {
    const aggregate = new RunAggregate(3000);
    const w0 = manualRecorder(0);
    const w1 = manualRecorder(1);
    const r0 = w0.recorder.endpoint(w0.recorder.scope('', 'U', ['w0']), 'GET', '/x');
    const r1 = w1.recorder.endpoint(w1.recorder.scope('', 'U', ['w1']), 'GET', '/x');
    for (let k = 1; k <= 6; k++) {
      for (let i = 0; i < k; i++) w0.recorder.record(r0, k * 100, 1, 200, 0, 0, k >= 5 && i === 0);
      w0.at(k * 1000);
      aggregate.add(w0.recorder.flush(1));
      if (k >= 5) {
        for (let i = 0; i < 10; i++) w1.recorder.record(r1, 900, 1, 200, 0, 0, false);
        // Worker 1's clock is a few ms off; its snapshot still lands in the same second.
        w1.at(k * 1000 + 4);
        aggregate.add(w1.recorder.flush(1));
      }
    }
    return aggregate;
  }

  it('counts only the last N seconds', () => {
    const aggregate = windowed();
    // Seconds 5 and 6: 5 + 6 from worker 0 and 20 from worker 1.
    const { rows: _rows, ...lastTwo } = figures(aggregate.select({}, 2000));
    expect(lastTwo).toEqual({
      requests: 31,
      failures: 2,
      seconds: 2,
      checks: { passes: 0, fails: 0 },
      latency: { min: 0.5, max: 0.9, mean: (5 * 500 + 6 * 600 + 20 * 900) / 31 / 1000, p50: 0.9 },
    });
    // Seconds 4..6.
    expect(aggregate.select({}, 3000)).toMatchObject({ requests: 35, failures: 2, seconds: 3 });
    // 1.5 s rounds up to whole seconds: 5 and 6.
    expect(aggregate.select({}, 1500)).toMatchObject({ requests: 31, seconds: 2 });
    expect(aggregate.select({}, 1000)).toMatchObject({ requests: 16, seconds: 1 });
    // The whole run, for comparison: 21 + 20 requests over 6.004 s, in one row.
    expect(aggregate.select({})).toMatchObject({ rows: 1, requests: 41, failures: 2, seconds: 6.004 });
  });

  it('applies filters inside the window', () => {
    const aggregate = windowed();
    // Both workers' requests share one row (same key); its tags are the union, so a tag
    // selects the whole row, as over the whole run.
    expect(aggregate.select({ tag: 'w1' })).toMatchObject({ requests: 41 });
    expect(aggregate.select({ tag: 'w0' }, 2000)).toMatchObject({ requests: 31, failures: 2 });
    expect(aggregate.select({ user: 'U', name: 'GET /x' }, 2000)).toMatchObject({ requests: 31 });
    expect(aggregate.select({ user: 'V' }, 2000)).toMatchObject({ rows: 0, requests: 0, latency: null });
  });

  it('unions tags of one row across workers inside the window too', () => {
    expect(windowed().select({ tag: 'w1' }, 2000)).toMatchObject({ requests: 31 });
  });

  it('counts matched rows the same way with and without a window', () => {
    expect(windowed().select({}, 2000).rows).toBe(1);
  });

  it('keeps no more than the longest window it was built for', () => {
    // Asked for 10 s, it only has the 3 s it kept: seconds 4..6.
    expect(windowed().select({}, 10_000)).toMatchObject({ requests: 35, seconds: 3 });
  });

  it('has nothing before any data', () => {
    expect(new RunAggregate(5000).select({}, 5000)).toMatchObject({
      rows: 0,
      requests: 0,
      seconds: 0,
      latency: null,
    });
  });
});

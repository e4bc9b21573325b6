/**
 * The per-second series in measured().timeSeries, and the interval summary add() returns: one
 * point per second (snapshots bucketed by the second they end in), rps = requests / interval
 * length, users summed over workers, percentiles of that second's requests. Latencies are below
 * 2048 µs, where HDR is exact.
 */

import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

function worker(index: number) {
  const handle = manualRecorder(index);
  const row = handle.recorder.endpoint(handle.recorder.scope('', 'U', []), 'GET', '/x');
  return {
    ...handle,
    record(latenciesUs: readonly number[], failed = 0): void {
      latenciesUs.forEach((us, i) => {
        handle.recorder.record(row, us, 1, 200, 0, 0, i < failed);
      });
    },
  };
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('time series', () => {
  it('has one point per second, users summed across workers, rps over the interval length', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    const w1 = worker(1);
    // Second 1: worker 0 → 10 requests of 100..1000 µs (1 failed), 1 user; worker 1 flushes at
    // 998 ms (still second 1) → 6 requests of 50 µs, 4 users.
    w0.record(
      range(10, (i) => (i + 1) * 100),
      1,
    );
    w0.at(1000);
    aggregate.add(w0.recorder.flush(1));
    w1.record(range(6, () => 50));
    w1.at(998);
    aggregate.add(w1.recorder.flush(4));
    // Second 2: worker 0 → 20 requests of 10..200 µs, 2 users; worker 1 → none, 4 users.
    w0.record(range(20, (i) => (i + 1) * 10));
    w0.at(2000);
    aggregate.add(w0.recorder.flush(2));
    w1.at(1998);
    aggregate.add(w1.recorder.flush(4));
    // Second 3: worker 0 alone, no requests, 3 users.
    w0.at(3000);
    aggregate.add(w0.recorder.flush(3));
    // A last half-second (ends at 3.5 s → second 4): 5 requests of 1000 µs, all users gone.
    w0.record(
      range(5, () => 1000),
      5,
    );
    w0.at(3500);
    aggregate.add(w0.recorder.flush(0));

    expect(aggregate.measured(0, 3500).timeSeries).toEqual([
      // 16 values: six 50s, then 100..1000; p50 = 8th = 200, p95 = p99 = 16th = 1000 µs.
      { t: 1, users: 5, rps: 16, failuresPerSec: 1, p50: 0.2, p95: 1, p99: 1 },
      // 10..200: p50 = 10th = 100, p95 = 19th = 190, p99 = 20th = 200 µs.
      { t: 2, users: 6, rps: 20, failuresPerSec: 0, p50: 0.1, p95: 0.19, p99: 0.2 },
      { t: 3, users: 3, rps: 0, failuresPerSec: 0, p50: null, p95: null, p99: null },
      // 5 requests in 0.5 s.
      { t: 4, users: 0, rps: 10, failuresPerSec: 10, p50: 1, p95: 1, p99: 1 },
    ]);
  });

  it('rounds rps to 2 decimals over an interval that is not one second', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    w0.record(range(10, () => 10));
    w0.at(1300);
    aggregate.add(w0.recorder.flush(1));
    // 10 requests in 1.3 s = 7.6923… per second.
    expect(aggregate.measured(0, 1300).timeSeries).toEqual([
      { t: 1, users: 1, rps: 7.69, failuresPerSec: 0, p50: 0.01, p95: 0.01, p99: 0.01 },
    ]);
  });

  it('puts an interval ending before 0.5 s in second 1', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    w0.record([10]);
    w0.at(200);
    aggregate.add(w0.recorder.flush(1));
    expect(aggregate.measured(0, 200).timeSeries.map((p) => [p.t, p.rps])).toEqual([[1, 5]]);
  });

  it('merges a worker’s snapshot that is one second late into its second', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    const w1 = worker(1);
    w0.record([10]);
    w0.at(1000);
    aggregate.add(w0.recorder.flush(1));
    w0.record([20, 20]);
    w0.at(2000);
    aggregate.add(w0.recorder.flush(1));
    // Worker 1's second 1 arrives after worker 0's second 2: the bucket for second 1 is still open.
    w1.record([30, 30, 30]);
    w1.at(1000);
    aggregate.add(w1.recorder.flush(2));
    expect(aggregate.measured(0, 2000).timeSeries.map((p) => [p.t, p.users, p.rps])).toEqual([
      [1, 3, 4],
      [2, 1, 2],
    ]);
  });

  it('keeps one point per second when a worker’s snapshot arrives late', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    const w1 = worker(1);
    for (const ms of [1000, 2000, 3000]) {
      w0.record([10]);
      w0.at(ms);
      aggregate.add(w0.recorder.flush(1));
    }
    w1.record([10]);
    w1.at(1000);
    aggregate.add(w1.recorder.flush(1));
    expect(aggregate.measured(0, 3000).timeSeries.map((p) => p.t)).toEqual([1, 2, 3]);
  });
});

describe('RunAggregate.add', () => {
  it('returns the interval’s headline figures and keeps running totals', () => {
    const aggregate = new RunAggregate();
    const w0 = worker(0);
    w0.record(
      range(20, (i) => (i + 1) * 10),
      3,
    );
    w0.at(500);
    const first = aggregate.add(w0.recorder.flush(1));
    // 20 requests in 0.5 s; p95 = 19th of 10..200 µs = 190 µs.
    expect(first).toEqual({ requests: 20, failures: 3, seconds: 0.5, p95Ms: 0.19 });
    w0.at(1500);
    const second = aggregate.add(w0.recorder.flush(1));
    expect(second).toEqual({ requests: 0, failures: 0, seconds: 1, p95Ms: null });
    expect([aggregate.requests, aggregate.failures, aggregate.elapsedMs]).toEqual([20, 3, 1500]);
  });
});

describe('RunAggregate.addAll', () => {
  it('gives a tick of several workers the p95 of their histograms merged, not the slowest worker’s', () => {
    const aggregate = new RunAggregate();
    const fast = worker(0);
    const slow = worker(1);
    fast.record(range(100, () => 10_000));
    slow.record(range(4, () => 100_000));
    fast.at(1000);
    slow.at(1000);
    const tick = aggregate.addAll([fast.recorder.flush(1), slow.recorder.flush(1)]);
    // 100 of the 104 requests took 10 ms: the 95th percentile is one of them. The slow worker
    // alone would read 100 ms.
    expect(tick.requests).toBe(104);
    expect(tick.p95Ms).toBeCloseTo(10, 1);
  });
});

describe('RunAggregate.liveErrors', () => {
  it('lists error groups most frequent first, across workers, up to a limit', () => {
    const aggregate = new RunAggregate();
    const { recorder, at } = manualRecorder();
    const scope = recorder.scope('', 'Reader', []);
    const list = recorder.endpoint(scope, 'GET', '/items');
    const save = recorder.endpoint(scope, 'POST', '/items');
    for (let i = 0; i < 3; i++) recorder.error(list, 'request', 'HTTP 503 Service Unavailable');
    recorder.error(save, 'task', 'TypeError: x is undefined');
    at(1000);
    aggregate.add(recorder.flush(1));
    recorder.error(save, 'task', 'TypeError: x is undefined');
    recorder.error(list, 'request', 'HTTP 503 Service Unavailable');
    at(2000);
    aggregate.add(recorder.flush(1));
    expect(aggregate.liveErrors().map((e) => [e.method, e.name, e.kind, e.message, e.count])).toEqual([
      ['GET', '/items', 'request', 'HTTP 503 Service Unavailable', 4],
      ['POST', '/items', 'task', 'TypeError: x is undefined', 2],
    ]);
    expect(aggregate.liveErrors(1)).toHaveLength(1);
  });
});

/**
 * Reset stats (the web UI's, as Locust's): the aggregate drops every figure gathered so far,
 * later deltas from every worker build fresh totals, and rates count from the reset.
 */

import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

/** One worker's interval ending at `toMs`, with `count` requests (failed or not) of 2 ms. */
function interval(worker: number, fromMs: number, toMs: number, count: number, failed = false) {
  const { recorder, at } = manualRecorder(worker);
  at(fromMs);
  recorder.flush(1);
  const endpoint = recorder.endpoint(recorder.scope('', 'Walker', []), 'GET', '/a');
  for (let i = 0; i < count; i++) recorder.record(endpoint, 2000, 1000, failed ? 500 : 200, 10, 10, failed);
  at(toMs);
  return recorder.flush(1);
}

describe('RunAggregate.reset', () => {
  it('starts every figure again from zero; later deltas of each worker merge into the fresh totals', () => {
    const aggregate = new RunAggregate(10_000);
    aggregate.declarePhase('step 1', 4);
    aggregate.addAll([interval(0, 0, 1000, 10, true), interval(1, 0, 1000, 10)]);
    expect(aggregate.requests).toBe(20);
    aggregate.reset();
    expect(aggregate.requests).toBe(0);
    expect(aggregate.failures).toBe(0);
    expect(aggregate.liveRows()).toEqual([]);
    expect(aggregate.liveErrors()).toEqual([]);
    expect(aggregate.statsFromMs).toBe(1000);
    aggregate.addAll([interval(0, 1000, 2000, 3), interval(1, 1000, 2000, 5)]);
    expect(aggregate.requests).toBe(8);
    expect(aggregate.failures).toBe(0);
    // One second since the reset: 8 requests per second, in thresholds and in the Result alike.
    expect(aggregate.select({}).seconds).toBe(1);
    const measured = aggregate.measured(0, 2000);
    expect(measured.totals.requests).toBe(8);
    expect(measured.totals.rps).toBe(8);
    expect(measured.errors).toEqual([]);
    expect(measured.timeSeries.map((point) => point.t)).toEqual([2]);
  });

  it('leaves the time series open for a result while the run goes on', () => {
    const aggregate = new RunAggregate();
    aggregate.add(interval(0, 0, 1000, 4));
    expect(aggregate.measured(0, 1000, undefined, false).timeSeries).toEqual([]);
    aggregate.add(interval(1, 0, 1000, 4));
    expect(aggregate.measured(0, 1000).timeSeries).toEqual([expect.objectContaining({ t: 1, rps: 8 })]);
  });
});

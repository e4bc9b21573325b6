/**
 * Merging is exact: the same samples split over two flushes, or over two workers, give the same
 * statistics and the same histogram counts as one recorder that saw them all, and the same
 * percentiles as one HDR histogram of the raw values.
 *
 * (The encoded `histogram` strings are compared by content, not as text: HDR's encoding carries
 * the histogram's trackable range, which depends on the order histograms were merged in.)
 */

import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram } from '../../../src/metrics/histogram.js';
import type { EndpointStats } from '../../../src/metrics/result.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import type { Snapshot } from '../../../src/metrics/snapshot.js';
import { manualRecorder, skewedSamples } from './helpers.js';

const SAMPLES = skewedSamples();
const DISTINCT = [...new Set(SAMPLES)];
const ALL = SAMPLES.map((_, i) => i);

/** Records samples[i] for each i in `indices`; every 7th fails with a 500, so maps merge too. */
function recordInto(
  recorder: ReturnType<typeof manualRecorder>['recorder'],
  indices: readonly number[],
): void {
  const row = recorder.endpoint(recorder.scope('', 'Reader', ['t']), 'GET', '/items');
  for (const i of indices) {
    const us = SAMPLES[i]!;
    recorder.record(row, us, Math.round(us / 3), i % 7 === 0 ? 500 : 200, i % 13, 2, i % 7 === 0);
  }
}

function aggregateOf(snapshots: Snapshot[]) {
  const aggregate = new RunAggregate();
  for (const snapshot of snapshots) aggregate.add(snapshot);
  return aggregate.measured(0, 10_000);
}

function oneWorker(): ReturnType<typeof aggregateOf> {
  const whole = manualRecorder();
  recordInto(whole.recorder, ALL);
  whole.at(10_000);
  return aggregateOf([whole.recorder.flush(1)]);
}

/** Everything but the encoded histogram, which is compared by its counts. */
function withoutHistogram(stats: EndpointStats): Omit<EndpointStats, 'histogram'> {
  const { histogram: _histogram, ...rest } = stats;
  return rest;
}

/** The count at every sampled value (hdr-histogram-js has getCountAtValue, untyped in its interface). */
function countsOf(encoded: string): number[] {
  const histogram = decodeHistogram(encoded) as unknown as { totalCount: number; getCountAtValue?: unknown };
  const countAt = histogram.getCountAtValue;
  if (typeof countAt !== 'function') throw new Error('hdr-histogram-js no longer has getCountAtValue');
  return [histogram.totalCount, ...DISTINCT.map((us) => countAt.call(histogram, us) as number)];
}

function expectSameRows(actual: EndpointStats[], expected: EndpointStats[]): void {
  expect(actual.map(withoutHistogram)).toEqual(expected.map(withoutHistogram));
  expect(actual.map((row) => countsOf(row.histogram))).toEqual(
    expected.map((row) => countsOf(row.histogram)),
  );
}

describe('merging', () => {
  it('two flushes of one recorder equal one flush of the same data', () => {
    const split = manualRecorder();
    recordInto(
      split.recorder,
      ALL.filter((i) => i % 3 !== 0),
    );
    split.at(5000);
    const first = split.recorder.flush(1);
    recordInto(
      split.recorder,
      ALL.filter((i) => i % 3 === 0),
    );
    split.at(10_000);
    const second = split.recorder.flush(1);

    const merged = aggregateOf([first, second]);
    const single = oneWorker();
    expectSameRows(merged.endpoints, single.endpoints);
    // 1 429 of 10 000 indices are multiples of 7: failures and 500s.
    expect(merged.endpoints[0]).toMatchObject({ requests: 10_000, failures: 1429 });
    expect(merged.endpoints[0]!.statusCodes).toEqual({ '200': 8571, '500': 1429 });
    expect(merged.totals.latency).toEqual(single.totals.latency);
  });

  it('two workers merged equal one recorder of all values, in either order', () => {
    const w0 = manualRecorder(0);
    const w1 = manualRecorder(1);
    recordInto(
      w0.recorder,
      ALL.filter((i) => i % 2 === 0),
    );
    recordInto(
      w1.recorder,
      ALL.filter((i) => i % 2 === 1),
    );
    w0.at(10_000);
    w1.at(10_000);
    const a = w0.recorder.flush(2);
    const b = w1.recorder.flush(3);
    expect([a.worker, b.worker]).toEqual([0, 1]);
    const single = oneWorker();
    expectSameRows(aggregateOf([a, b]).endpoints, single.endpoints);
    expectSameRows(aggregateOf([b, a]).endpoints, single.endpoints);
  });

  it('gives the percentiles of one HDR histogram of the raw values', () => {
    const w0 = manualRecorder(0);
    const w1 = manualRecorder(1);
    recordInto(w0.recorder, ALL.slice(0, 5000));
    recordInto(w1.recorder, ALL.slice(5000));
    w0.at(10_000);
    w1.at(10_000);
    const aggregate = new RunAggregate();
    aggregate.add(w0.recorder.flush(1));
    aggregate.add(w1.recorder.flush(1));
    const reference = createHistogram();
    for (const us of SAMPLES) reference.recordValue(us);

    const latency = aggregate.select({}).latency!;
    for (const p of [1, 25, 50, 90, 95, 99, 99.9, 100]) {
      expect(latency.percentile(p), `p${p}`).toBe(reference.getValueAtPercentile(p) / 1000);
    }
    expect(latency.min).toBe(reference.minNonZeroValue / 1000);
    expect(latency.mean).toBe(reference.mean / 1000);
    // A histogram that was recorded into knows its exact max; a decoded one only the top of the
    // max's bucket (90 000 000 µs → 90 046 463 µs here), so the max is compared at HDR resolution.
    expect(reference.maxValue).toBe(90_000_000);
    expect(latency.max).toBeGreaterThanOrEqual(90_000);
    expect(latency.max / 90_000 - 1).toBeLessThanOrEqual(0.001);

    const row = aggregate.measured(0, 10_000).endpoints[0]!;
    expect([row.latency.p50, row.latency.p90, row.latency.p95, row.latency.p99, row.latency.p999]).toEqual(
      [50, 90, 95, 99, 99.9].map((p) => Math.round(reference.getValueAtPercentile(p)) / 1000),
    );
  });
});

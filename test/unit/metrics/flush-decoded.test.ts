/**
 * A run without workers hands its interval histograms to the aggregator instead of encoding and
 * decoding them: the aggregate must be the same either way, and the recorder must go on with
 * fresh histograms (what it records next never shows in an interval already handed over).
 */

import { JsHistogram } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

/** Records the same three intervals into a recorder; `flush` ends each interval. */
function recordIntervals<T>(flush: (recorder: ReturnType<typeof manualRecorder>['recorder'], users: number) => T): T[] {
  const { recorder, at } = manualRecorder();
  const scope = recorder.scope('', 'Reader', ['read']);
  const list = recorder.endpoint(scope, 'GET', '/items');
  const save = recorder.endpoint(scope, 'POST', '/items');
  const out: T[] = [];
  for (let second = 1; second <= 3; second++) {
    for (let i = 0; i < 200 * second; i++) recorder.record(list, 1000 + i * 7, 400, 200, 100, 50, false);
    if (second !== 2) recorder.record(save, 20_000 * second, 9000, 500, 10, 90, true);
    at(second * 1000);
    out.push(flush(recorder, second));
  }
  return out;
}

/** A histogram's non-zero counts, as [value, count] pairs. */
function countsOf(encoded: string): [number, number][] {
  const histogram = decodeHistogram(encoded);
  if (!(histogram instanceof JsHistogram)) throw new Error('expected a JS histogram');
  const out: [number, number][] = [];
  for (let i = 0; i < histogram.countsArrayLength; i++) {
    const count = histogram.getCountAtIndex(i);
    if (count !== 0) out.push([histogram.valueFromIndex(i), count]);
  }
  return out;
}

describe('flushDecoded', () => {
  it('aggregates to exactly what flush + decode gives', () => {
    const encoded = new RunAggregate();
    for (const snapshot of recordIntervals((r, users) => r.flush(users))) encoded.add(snapshot);
    const handed = new RunAggregate();
    for (const decoded of recordIntervals((r, users) => r.flushDecoded(users))) handed.addAllDecoded([decoded]);
    // The one difference: a histogram handed over keeps its exact maximum, where the encoded form
    // only knows the top of the maximum's bucket (3 significant digits: within 0.1 %).
    // A histogram's encoded form also carries its range, which grows to what it was given (the
    // exact values, or a decoded histogram's): its counts are what must be equal.
    const strip = (measured: unknown, maxima: number[]): unknown =>
      JSON.parse(JSON.stringify(measured), (key, value: unknown) => {
        if (key === 'histogram' && typeof value === 'string' && value !== '') return countsOf(value);
        if (key !== 'max' && key !== 'maxMs') return value;
        maxima.push(value as number);
        return undefined;
      });
    const handedMax: number[] = [];
    const encodedMax: number[] = [];
    expect(strip(handed.measured(0, 3000), handedMax)).toEqual(strip(encoded.measured(0, 3000), encodedMax));
    expect(strip(handed.liveRows(), handedMax)).toEqual(strip(encoded.liveRows(), encodedMax));
    expect(handedMax.length).toBeGreaterThan(4);
    const maxima = handedMax.map((max, i): [number, number] => [max, encodedMax[i] as number]);
    for (const [exact, bucketTop] of maxima) {
      expect(exact).toBeLessThanOrEqual(bucketTop);
      expect(bucketTop - exact).toBeLessThanOrEqual(bucketTop * 0.001);
    }
  });

  it('hands over histograms the recorder no longer writes to', () => {
    const { recorder, at } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'Reader', []), 'GET', '/x');
    recorder.record(row, 5000, 100, 200, 1, 1, false);
    at(1000);
    const first = recorder.flushDecoded(1);
    const histogram = first.rows[0]?.latency;
    expect(histogram?.totalCount).toBe(1);
    recorder.record(row, 7000, 100, 200, 1, 1, false);
    expect(histogram?.totalCount).toBe(1);
    at(2000);
    const second = recorder.flushDecoded(1);
    expect(second.rows[0]?.latency?.totalCount).toBe(1);
    expect(second.rows[0]?.latency?.maxValue).toBeGreaterThanOrEqual(7000);
    // A row with nothing recorded in an interval is left out, as in an encoded snapshot.
    at(3000);
    expect(recorder.flushDecoded(0).rows).toEqual([]);
  });
});

import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { type RandomSource, seededRandom } from '../../../src/core/random.js';
import { FastIndexHistogram } from '../../../src/metrics/fast-index-histogram.js';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { libraryHistogram, randomShape, recordRandom, type Shape, stateOf } from './histogram-state.js';

/** A source histogram of `shape` in one of the forms a merge meets, with random values. */
function randomSource(random: RandomSource, shape: Shape): hdr.Histogram {
  const recorded = libraryHistogram(shape);
  if (random() > 0.05) recordRandom(random, [recorded], shape.highest);
  const encoded = hdr.encodeIntoCompressedBase64(recorded);
  const form = random();
  if (form < 0.6) return hdr.decodeFromCompressedBase64(encoded, 32, false);
  if (shape.lowest !== 1 || shape.digits !== 3) return recorded;
  const fast = createHistogram(shape.highest);
  fast.add(recorded);
  return fast;
}

/** The outcome of `add`, or what it threw. */
function attempt(add: () => void): string | null {
  try {
    add();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('adding histograms', () => {
  it('gives what hdr-histogram-js gives, counter for counter, over random ranges and layouts', () => {
    const random = seededRandom(99);
    for (let round = 0; round < 60; round++) {
      const volleyOnly = random() < 0.6;
      const targetShape = randomShape(random, true);
      const autoResize = random() > 0.1;
      const ours = new FastIndexHistogram(1, targetShape.highest, 3);
      const library = new hdr.Int32Histogram(1, targetShape.highest, 3);
      ours.autoResize = true;
      library.autoResize = true;
      recordRandom(random, [ours, library], targetShape.highest);
      // Some targets may not grow: adding a wider histogram then throws, in both.
      ours.autoResize = autoResize;
      library.autoResize = autoResize;
      for (let step = 0; step < 8; step++) {
        const source = randomSource(random, randomShape(random, volleyOnly));
        const ourError = attempt(() => ours.add(source));
        expect(ourError, `round ${round} step ${step}`).toBe(attempt(() => library.add(source as hdr.JsHistogram)));
        expect(stateOf(ours), `round ${round} step ${step}`).toEqual(stateOf(library));
      }
      expect(encodeHistogram(ours)).toBe(hdr.encodeIntoCompressedBase64(library));
    }
  });

  it('adds a histogram into one of the same length as the library does (its other path)', () => {
    const random = seededRandom(3);
    const source = createHistogram(100_000);
    recordRandom(random, [source], 100_000);
    const decoded = hdr.decodeFromCompressedBase64(encodeHistogram(source), 32, false) as hdr.JsHistogram;
    const ours = new FastIndexHistogram(1, decoded.highestTrackableValue, 3);
    const library = new hdr.Int32Histogram(1, decoded.highestTrackableValue, 3);
    ours.recordValue(7);
    library.recordValue(7);
    expect(ours.bucketCount).toBe(decoded.bucketCount);
    ours.add(decoded);
    library.add(decoded);
    expect(stateOf(ours)).toEqual(stateOf(library));
  });

  it('merges workers’ snapshots into rows exactly as decoding and adding with the library would', () => {
    const random = seededRandom(17);
    const aggregate = new RunAggregate();
    const expected = new Map<string, hdr.Histogram>();
    for (let worker = 0; worker < 4; worker++) {
      let now = 0;
      const recorder = new IntervalRecorder({ worker, now: () => now });
      const scope = recorder.scope('', 'User', []);
      const ids = [0, 1, 2].map((i) => recorder.endpoint(scope, 'GET', `/r${i}`));
      for (let second = 1; second <= 3; second++) {
        const top = 10 ** (2 + Math.floor(random() * 5));
        for (let i = 0; i < 300; i++) {
          const latency = 1 + Math.floor(random() ** 3 * top);
          recorder.record(ids[i % 3] as number, latency, latency / 2, 200, 10, 10, false);
        }
        now = second * 1000;
        const snapshot = recorder.flush(1);
        for (const row of snapshot.endpoints) {
          if (row.latency === '') continue;
          const merged = expected.get(row.key.name) ?? libraryHistogram({ lowest: 1, highest: 2, digits: 3 });
          merged.add(hdr.decodeFromCompressedBase64(row.latency, 32, false));
          expected.set(row.key.name, merged);
        }
        aggregate.addAll([snapshot]);
      }
    }
    const rows = aggregate.measured(0, 3000).endpoints;
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.histogram, row.name).toBe(hdr.encodeIntoCompressedBase64(expected.get(row.name) as hdr.Histogram));
    }
  });
});

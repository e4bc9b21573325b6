/**
 * `moments()` computes the mean and standard deviation in plain loops; they must be the figures
 * hdr-histogram-js's own (slower) getters give, on narrow, wide, skewed and resized histograms.
 */

import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { createHistogram, decodeHistogram, encodeHistogram, medianAtIndex, moments } from '../../../src/metrics/histogram.js';

/** A small deterministic generator (a linear congruential one), for repeatable samples. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function filled(values: readonly number[]) {
  const histogram = createHistogram();
  for (const value of values) histogram.recordValue(value);
  return histogram;
}

describe('moments', () => {
  const random = seededRandom(11);
  const cases: Record<string, number[]> = {
    'one value': [20_000],
    'narrow (20–25 ms)': Array.from({ length: 5000 }, () => 20_000 + Math.floor(random() * 5000)),
    'wide (1 µs–10 s)': Array.from({ length: 5000 }, () => 1 + Math.floor(random() ** 4 * 10_000_000)),
    'past the initial range (2–3 min)': Array.from({ length: 200 }, () => 120_000_000 + Math.floor(random() * 60_000_000)),
  };

  for (const [name, values] of Object.entries(cases)) {
    it(`matches the library's mean and stdDeviation: ${name}`, () => {
      const histogram = filled(values);
      const { mean, stdev } = moments(histogram);
      expect(mean).toBeCloseTo(histogram.mean, 6);
      expect(stdev).toBeCloseTo(histogram.stdDeviation, 6);
      // And after a round trip through the encoded form a snapshot carries.
      const decoded = decodeHistogram(encodeHistogram(histogram));
      expect(moments(decoded).mean).toBeCloseTo(histogram.mean, 6);
    });
  }

  it('is zero for an empty histogram', () => {
    expect(moments(createHistogram())).toEqual({ mean: 0, stdev: 0 });
  });

  it("takes every counter's median value exactly as the library computes it, over every index", () => {
    for (const [lowest, digits, highest] of [[1, 3, 2 ** 52], [1, 2, 2 ** 50], [4, 3, 2 ** 50], [1, 5, 2 ** 30]] as const) {
      const histogram = new hdr.Int32Histogram(lowest, highest, digits);
      for (let i = 0; i < histogram.countsArrayLength; i++) {
        const expected = histogram.medianEquivalentValue(histogram.valueFromIndex(i));
        if (medianAtIndex(histogram, i) !== expected) expect(medianAtIndex(histogram, i), `index ${i}`).toBe(expected);
      }
    }
  });
});

import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { FastIndexHistogram } from '../../../src/metrics/fast-index-histogram.js';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';

/** The library's own histogram of the same shape, as `hdr.build` makes it. */
function libraryHistogram(): hdr.Histogram {
  return hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3 });
}

describe('FastIndexHistogram', () => {
  it('finds the same counter as hdr-histogram-js for every power-of-two edge and random values', () => {
    const fast = new FastIndexHistogram(1, 2 ** 40, 3);
    const library = new hdr.Int32Histogram(1, 2 ** 40, 3);
    const values: number[] = [1, 2, 3, 2047, 2048, 2049, 2 ** 31 - 1, 2 ** 31, 2 ** 35 + 7, 1.5, 1000.25];
    for (let bit = 0; bit < 40; bit++) values.push(2 ** bit - 1, 2 ** bit, 2 ** bit + 1);
    const random = seededRandom(7);
    for (let i = 0; i < 20_000; i++) values.push(Math.floor(random() ** 4 * 2 ** 36) + 1);
    for (const value of values.filter((v) => v >= 1)) {
      expect(fast.countsArrayIndex(value), `value ${value}`).toBe(library.countsArrayIndex(value));
    }
  });

  it('encodes, resizes and reads percentiles exactly as the library does', () => {
    const fast = createHistogram();
    const library = libraryHistogram();
    const random = seededRandom(11);
    for (let i = 0; i < 50_000; i++) {
      const value = Math.round(random() ** 3 * 3e9) + 1;
      fast.recordValue(value);
      library.recordValue(value);
    }
    expect(fast.totalCount).toBe(50_000);
    expect(encodeHistogram(fast)).toBe(hdr.encodeIntoCompressedBase64(library));
    for (const p of [50, 90, 99, 99.9, 100]) expect(fast.getValueAtPercentile(p)).toBe(library.getValueAtPercentile(p));
    expect(fast.minNonZeroValue).toBe(library.minNonZeroValue);
    expect(fast.maxValue).toBe(library.maxValue);
  });

  it('adds into and from library histograms with the same counts', () => {
    const fast = createHistogram();
    const other = libraryHistogram();
    for (const value of [5, 50, 500, 5_000, 50_000, 5_000_000]) other.recordValue(value);
    fast.add(other);
    fast.recordValue(7);
    const back = libraryHistogram();
    back.add(fast);
    expect(back.totalCount).toBe(7);
    expect(back.getValueAtPercentile(100)).toBe(other.getValueAtPercentile(100));
  });
});

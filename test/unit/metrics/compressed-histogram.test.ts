import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import { decodeCompressedHistogram } from '../../../src/metrics/compressed-histogram.js';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import { libraryHistogram, nonZeroIndexes, randomShape, recordRandom, stateOf } from './histogram-state.js';

/** What the library's decoder throws for `encoded`, or null. */
function libraryError(encoded: string): string | null {
  try {
    hdr.decodeFromCompressedBase64(encoded, 32, false);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('decodeCompressedHistogram', () => {
  it('decodes random histograms of any range and layout exactly as hdr-histogram-js does', () => {
    const random = seededRandom(2024);
    for (let round = 0; round < 300; round++) {
      const shape = randomShape(random);
      const recorded = libraryHistogram(shape);
      if (round % 10 !== 0) recordRandom(random, [recorded], shape.highest);
      const encoded = hdr.encodeIntoCompressedBase64(recorded);
      const library = hdr.decodeFromCompressedBase64(encoded, 32, false);
      const ours = decodeCompressedHistogram(encoded);
      expect(hdr.encodeIntoCompressedBase64(ours)).toBe(hdr.encodeIntoCompressedBase64(library));
      expect(stateOf(ours), `round ${round}, read by index`).toEqual(stateOf(library));
      const pairs = Array.from(ours.nonZeroCounters() ?? []);
      expect(pairs.filter((_, k) => k % 2 === 0)).toEqual(nonZeroIndexes(library));
    }
  });

  it('decodes what volley records, percentiles and all', () => {
    const random = seededRandom(5);
    const recorded = createHistogram();
    for (let i = 0; i < 20_000; i++) recorded.recordValue(1 + Math.floor(random() ** 3 * 5e6));
    const encoded = encodeHistogram(recorded);
    const ours = decodeCompressedHistogram(encoded);
    const library = hdr.decodeFromCompressedBase64(encoded, 32, false);
    expect(stateOf(ours)).toEqual(stateOf(library));
    for (const p of [0, 50, 95, 99.9, 100]) expect(ours.getValueAtPercentile(p)).toBe(library.getValueAtPercentile(p));
  });

  it('wraps a count past 32 bits as the library does', () => {
    const big = new hdr.Float64Histogram(1, 1000, 3);
    big.recordValueWithCount(10, 2 ** 33 + 5);
    big.recordValueWithCount(20, 2 ** 31 + 1);
    big.recordValue(30);
    const encoded = hdr.encodeIntoCompressedBase64(big);
    expect(stateOf(decodeCompressedHistogram(encoded))).toEqual(stateOf(hdr.decodeFromCompressedBase64(encoded, 32, false)));
  });

  it('refuses what is not a histogram, with the library message where it has one', () => {
    for (const bad of ['AAAA', 'AAA', 'aGVsbG8gd29ybGQ=', Buffer.from([0x1c, 0x84, 0x93, 0x14, 0, 0, 0, 3, 1, 2, 3]).toString('base64')]) {
      expect(() => decodeCompressedHistogram(bad), bad).toThrow();
      const expected = libraryError(bad);
      if (expected !== null) expect(() => decodeCompressedHistogram(bad), bad).toThrow(expected);
    }
    expect(() => decodeCompressedHistogram('AAAA')).toThrow('Encoding not supported, only V2 is supported');
  });

  it('fills in its counters when read by index, and forgets its pairs once written into', () => {
    const recorded = createHistogram();
    recorded.recordValue(100);
    recorded.recordValue(3000);
    const decoded = decodeCompressedHistogram(encodeHistogram(recorded));
    expect(Array.from(decoded.nonZeroCounters() ?? [])).toEqual([100, 1, decoded.countsArrayIndex(3000), 1]);
    expect(decoded.getValueAtPercentile(50)).toBe(100);
    expect(decoded.nonZeroCounters()).not.toBeNull();
    decoded.recordValue(5);
    expect(decoded.nonZeroCounters()).toBeNull();
    expect([decoded.totalCount, decoded.getCountAtIndex(5), decoded.getCountAtIndex(100)]).toEqual([3, 1, 1]);
    const again = decodeCompressedHistogram(encodeHistogram(recorded));
    again.add(recorded);
    expect(again.nonZeroCounters()).toBeNull();
    expect([again.totalCount, again.getCountAtIndex(100)]).toEqual([4, 2]);
  });
});

import * as library from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import * as hdr from '../../../src/metrics/hdr.js';
import { encodeHistogram } from '../../../src/metrics/histogram.js';

/** Values over six orders of magnitude, as latencies in microseconds spread. */
function values(seed: number, count: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Math.round(random() ** 4 * 6e7) + 1);
}

describe('the door to hdr-histogram-js', () => {
  it('hands out the same classes as the package main module', () => {
    expect(hdr.JsHistogram).toBe(library.JsHistogram);
    expect(hdr.Int32Histogram).toBe(library.Int32Histogram);
  });

  it('encodes as the library does, byte for byte', () => {
    const mine = new hdr.Int32Histogram(1, 2, 3);
    mine.autoResize = true;
    const theirs = library.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3 });
    for (const value of values(3, 5_000)) {
      mine.recordValue(value);
      theirs.recordValue(value);
    }
    expect(encodeHistogram(mine)).toBe(library.encodeIntoCompressedBase64(theirs));
  });

  /** A 32-bit histogram of the library's and one made through the door, both autoResize from [1, 2]. */
  function pair(digits: 1 | 2 | 3 = 3): [hdr.Histogram, hdr.Histogram] {
    const mine = new hdr.Int32Histogram(1, 2, digits);
    mine.autoResize = true;
    const theirs = library.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: digits });
    return [mine, theirs];
  }

  it('encodes an empty histogram and a single value as the library does (forms shorter than its 16-byte buffer)', () => {
    const [emptyMine, emptyTheirs] = pair();
    expect(encodeHistogram(emptyMine)).toBe(library.encodeIntoCompressedBase64(emptyTheirs));
    const [mine, theirs] = pair(1);
    mine.recordValue(1);
    theirs.recordValue(1);
    expect(encodeHistogram(mine)).toBe(library.encodeIntoCompressedBase64(theirs));
  });

  it('encodes counts and values that take every word length as the library does', () => {
    const [mine, theirs] = pair(2);
    // Counts of 2^7 to 2^30 need two to five bytes; values up to 2^40 µs spread empty runs wide.
    for (let power = 0; power <= 40; power++) {
      const count = 2 ** Math.min(30, power);
      mine.recordValueWithCount(2 ** power + power, count);
      theirs.recordValueWithCount(2 ** power + power, count);
    }
    expect(encodeHistogram(mine)).toBe(library.encodeIntoCompressedBase64(theirs));
    const decoded = hdr.decodeFromCompressedBase64(encodeHistogram(mine));
    expect(decoded.totalCount).toBe(theirs.totalCount);
    for (const p of [0, 50, 99, 100]) expect(decoded.getValueAtPercentile(p)).toBe(theirs.getValueAtPercentile(p));
  });

  it('refuses to encode what is not a histogram of the library', () => {
    expect(() => encodeHistogram({} as hdr.Histogram)).toThrow(TypeError);
  });

  it('decodes what the library encoded into the histogram the library decodes', () => {
    const source = library.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3 });
    for (const value of values(5, 5_000)) source.recordValue(value);
    const encoded = library.encodeIntoCompressedBase64(source);
    const mine = hdr.decodeFromCompressedBase64(` ${encoded}\n`);
    const theirs = library.decodeFromCompressedBase64(encoded, 32, false);
    expect(mine).toBeInstanceOf(hdr.JsHistogram);
    expect(mine.totalCount).toBe(theirs.totalCount);
    for (const p of [0, 50, 90, 99, 99.9, 100]) expect(mine.getValueAtPercentile(p)).toBe(theirs.getValueAtPercentile(p));
    expect(encodeHistogram(mine)).toBe(encoded);
  });

  it('refuses what is not an encoded histogram, as the library does', () => {
    expect(() => hdr.decodeFromCompressedBase64('bm90IGEgaGlzdG9ncmFt')).toThrow();
    expect(() => library.decodeFromCompressedBase64('bm90IGEgaGlzdG9ncmFt', 32, false)).toThrow();
  });

  it('builds packed histograms as build({ bitBucketSize: "packed" }) does', () => {
    const mine = hdr.packedHistogram(3);
    const theirs = library.build({ bitBucketSize: 'packed', numberOfSignificantValueDigits: 3 });
    expect(mine.constructor).toBe(theirs.constructor);
    for (const value of values(9, 3_000)) {
      mine.recordValue(value);
      theirs.recordValue(value);
    }
    expect(mine.autoResize).toBe(true);
    expect(mine.summary).toEqual(theirs.summary);
    expect(library.encodeIntoCompressedBase64(mine)).toBe(library.encodeIntoCompressedBase64(theirs));
  });
});

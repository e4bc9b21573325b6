import * as library from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.js';
import * as hdr from '../../../src/metrics/hdr.js';

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
    expect(hdr.encodeIntoCompressedBase64(mine)).toBe(library.encodeIntoCompressedBase64(theirs));
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
    expect(hdr.encodeIntoCompressedBase64(mine)).toBe(encoded);
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

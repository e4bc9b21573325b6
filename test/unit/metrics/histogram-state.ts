/**
 * Helpers for the differential tests of histogram decoding and adding: random histograms of
 * varied ranges and layouts, and everything observable about a histogram's state.
 */

import * as hdr from 'hdr-histogram-js';
import type { RandomSource } from '../../../src/core/random.js';

interface Internals {
  _counts: ArrayLike<number>;
  countsArrayLength: number;
  bucketCount: number;
  highestTrackableValue: number;
  lowestDiscernibleValue: number;
  numberOfSignificantValueDigits: number;
  maxValue: number;
  minNonZeroValue: number;
  startTimeStampMsec: number;
  endTimeStampMsec: number;
  autoResize: boolean;
  getCountAtIndex(index: number): number;
  countsArrayIndex(value: number): number;
}

/** Every field that adding, percentiles or encoding read, and every counter. */
export function stateOf(histogram: hdr.Histogram): Record<string, unknown> {
  const h = histogram as unknown as Internals;
  const counts = Float64Array.from({ length: h.countsArrayLength }, (_, i) => h.getCountAtIndex(i));
  return {
    totalCount: histogram.totalCount,
    countsArrayLength: h.countsArrayLength,
    bucketCount: h.bucketCount,
    highestTrackableValue: h.highestTrackableValue,
    lowestDiscernibleValue: h.lowestDiscernibleValue,
    digits: h.numberOfSignificantValueDigits,
    maxValue: h.maxValue,
    minNonZeroValue: h.minNonZeroValue,
    startTimeStampMsec: h.startTimeStampMsec,
    endTimeStampMsec: h.endTimeStampMsec,
    autoResize: h.autoResize,
    // Compared as bytes: toEqual over tens of thousands of counters is slow.
    counts: Buffer.from(counts.buffer).toString('base64'),
  };
}

/** The indexes of the non-zero counters. */
export function nonZeroIndexes(histogram: hdr.Histogram): number[] {
  const counts = (histogram as unknown as Internals)._counts;
  const indexes: number[] = [];
  for (let i = 0; i < counts.length; i++) if ((counts[i] as number) !== 0) indexes.push(i);
  return indexes;
}

/** A layout and a range: mostly volley's (1 µs, 3 digits), sometimes another. */
export interface Shape {
  lowest: number;
  highest: number;
  digits: number;
}

export function randomShape(random: RandomSource, volleyOnly = false): Shape {
  const other = !volleyOnly && random() < 0.25;
  const lowest = other && random() < 0.5 ? 2 ** Math.floor(random() * 6) : 1;
  const digits = other && random() < 0.5 ? 1 + Math.floor(random() * 4) : 3;
  const highest = Math.max(2 * lowest, Math.floor(2 ** (1 + random() * 36)));
  return { lowest, highest, digits };
}

/** Fills `histograms` (all of one shape) with the same random values, spread over several decades. */
export function recordRandom(random: RandomSource, histograms: hdr.Histogram[], highest: number): void {
  const values = Math.floor(random() ** 2 * 3000);
  const top = Math.max(2, random() < 0.3 ? highest * 4 : highest);
  for (let i = 0; i < values; i++) {
    const value = Math.floor(random() ** (1 + random() * 6) * top);
    const count = random() < 0.05 ? 1 + Math.floor(random() * 1e6) : 1;
    for (const histogram of histograms) histogram.recordValueWithCount(value, count);
  }
}

/** A library histogram of `shape`, grown as values need (as volley's are). */
export function libraryHistogram(shape: Shape, autoResize = true): hdr.Histogram {
  const histogram = new hdr.Int32Histogram(shape.lowest, shape.highest, shape.digits);
  histogram.autoResize = autoResize;
  return histogram;
}

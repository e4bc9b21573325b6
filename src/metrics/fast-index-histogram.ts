/**
 * hdr-histogram-js's 32-bit histogram with the index of a value computed in integer arithmetic.
 *
 * Why: the library finds a value's counter with `Math.log2`, `Math.pow` and a division, which
 * made one `recordValue` cost about 100 ns here, more than everything else a request or a trend
 * sample does on the hot path. For values up to 2^31 - 1 (35 minutes in microseconds) the same
 * index is `31 - clz32(value)` and a shift, about ten times cheaper; larger values keep the
 * library's own formula. Every other behaviour (resizing, encoding, adding, percentiles) is the
 * library's, and the counters it fills are the same, so an encoded histogram is byte-for-byte
 * the one the library would have written (test/unit/metrics/fast-index-histogram.test.ts).
 *
 * Adding another histogram goes through `histogram-add.ts`: the library's outcome, counter by
 * counter instead of value by value (test/unit/metrics/histogram-add.test.ts).
 */

import { type Histogram, Int32Histogram } from './hdr.js';
import { addHistogram } from './histogram-add.js';

/** Values below this have the same index through `Math.clz32` as through `Math.log2`. */
const INTEGER_INDEX_LIMIT = 2 ** 31;

export class FastIndexHistogram extends Int32Histogram {
  override countsArrayIndex(value: number): number {
    // `value === value | 0` keeps fractions and out-of-range values on the library's path.
    if (value >= 1 && value < INTEGER_INDEX_LIMIT && value === (value | 0)) {
      const shiftedBucket = 31 - Math.clz32(value) - this.subBucketHalfCountMagnitude - this.unitMagnitude;
      const bucket = shiftedBucket > 0 ? shiftedBucket : 0;
      const subBucket = value >>> (bucket + this.unitMagnitude);
      return ((bucket + 1) << this.subBucketHalfCountMagnitude) + subBucket - this.subBucketHalfCount;
    }
    return super.countsArrayIndex(value);
  }

  override add(other: Histogram): void {
    addHistogram(this, other);
  }
}

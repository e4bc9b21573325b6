/**
 * Adding one HDR histogram into another, with exactly the outcome of hdr-histogram-js's own
 * `JsHistogram.add` (same counts, total, min, max, range and timestamps), only cheaper.
 *
 * Why: the library's `add` takes a per-value path whenever the two histograms' counts arrays
 * differ in length (`bucketCount`), which they nearly always do here (histograms grow to the
 * slowest value each one saw): for every non-zero counter it turns the index back into a value
 * with `Math.pow` and the value into an index with `Math.log2`. Histograms with the same unit
 * and sub-bucket layout (every histogram volley makes: 1 µs, 3 significant digits) have the same
 * index for the same value whatever their length, so counters can be added index by index.
 * Anything else (another layout, packed counters) takes the library's `add`.
 */

import { type Histogram, JsHistogram } from './hdr.js';

/** A typed-array-backed `JsHistogram`: its counters (public in the library). */
type Counted = Histogram & { _counts: { [index: number]: number; readonly length: number } };

type Js = Histogram & {
  _counts?: unknown;
  unitMagnitude: number;
  unitMagnitudeMask: number;
  lowestDiscernibleValueRounded: number;
  subBucketHalfCountMagnitude: number;
  bucketCount: number;
  countsArrayLength: number;
  maxValue: number;
  minNonZeroValue: number;
  startTimeStampMsec: number;
  endTimeStampMsec: number;
  autoResize: boolean;
  resize(value: number): void;
  valueFromIndex(index: number): number;
  highestEquivalentValue(value: number): number;
  countsArrayIndex(value: number): number;
  updateMinAndMax(value: number): void;
  addToTotalCount(value: number): void;
  setTotalCount(value: number): void;
  add(other: Histogram): void;
};

function isCounted(histogram: Histogram): histogram is Counted {
  return histogram instanceof JsHistogram && ArrayBuffer.isView((histogram as Js)._counts);
}

/** The library's own add, for what the fast paths do not cover. */
function libraryAdd(target: Histogram, source: Histogram): void {
  // A non-JS histogram (WebAssembly) is refused by the library's add, as before.
  JsHistogram.prototype.add.call(target as JsHistogram, source as JsHistogram);
}

/** `target.add(source)` as hdr-histogram-js computes it. */
export function addHistogram(target: Histogram, source: Histogram): void {
  const to = target as Js;
  const from = source as Js;
  if (
    !isCounted(target) ||
    !isCounted(source) ||
    to.unitMagnitude !== from.unitMagnitude ||
    to.subBucketHalfCountMagnitude !== from.subBucketHalfCountMagnitude
  ) {
    libraryAdd(target, source);
    return;
  }
  const highestRecordable = to.highestEquivalentValue(to.valueFromIndex(to.countsArrayLength - 1));
  if (highestRecordable < from.maxValue) {
    if (!to.autoResize) throw new Error("The other histogram includes values that do not fit in this histogram's range.");
    to.resize(from.maxValue);
  }
  if (to.bucketCount === from.bucketCount) addSameLength(to, from, target, source);
  else if (from.countsArrayIndex(from.maxValue) < to.countsArrayLength) addUpToMax(to, from, target, source);
  else {
    // Beyond what a resize gives (an inconsistent source): the library knows what to do.
    libraryAdd(target, source);
    return;
  }
  to.startTimeStampMsec = Math.min(to.startTimeStampMsec, from.startTimeStampMsec);
  to.endTimeStampMsec = Math.max(to.endTimeStampMsec, from.endTimeStampMsec);
}

/** The library's path for arrays of the same length: every positive counter, then min and max. */
function addSameLength(to: Js, from: Js, target: Counted, source: Counted): void {
  const into = target._counts;
  let added = 0;
  const counts = source._counts;
  for (let i = 0; i < from.countsArrayLength; i++) {
    const count = counts[i] as number;
    if (count > 0) {
      into[i] = (into[i] as number) + count;
      added += count;
    }
  }
  to.setTotalCount(to.totalCount + added);
  setMaxValue(to, Math.max(to.maxValue, from.maxValue));
  setMinNonZeroValue(to, Math.min(to.minNonZeroValue, from.minNonZeroValue));
}

/**
 * The library's path for arrays of different lengths: the counter at the source's max first,
 * then every positive counter below it, each recorded at its value (here: at the same index),
 * min and max following those values.
 */
function addUpToMax(to: Js, from: Js, target: Counted, source: Counted): void {
  const into = target._counts;
  const maxIndex = from.countsArrayIndex(from.maxValue);
  const counts = source._counts;
  const atMax = counts[maxIndex] as number;
  into[maxIndex] = (into[maxIndex] as number) + atMax;
  to.updateMinAndMax(from.valueFromIndex(maxIndex));
  let added = atMax;
  // Values only grow with the index: the first positive counter that moves the minimum is the
  // only one that can, so the others add their counts alone.
  let minimumSettled = false;
  for (let i = 0; i < maxIndex; i++) {
    const count = counts[i] as number;
    if (count <= 0) continue;
    into[i] = (into[i] as number) + count;
    added += count;
    if (!minimumSettled) {
      const value = from.valueFromIndex(i);
      to.updateMinAndMax(value);
      minimumSettled = value !== 0 && value > to.unitMagnitudeMask;
    }
  }
  to.addToTotalCount(added);
}

/** The library's private `updatedMaxValue`. */
function setMaxValue(histogram: Js, value: number): void {
  histogram.maxValue = value + histogram.unitMagnitudeMask;
}

/** The library's private `updateMinNonZeroValue`. */
function setMinNonZeroValue(histogram: Js, value: number): void {
  if (value <= histogram.unitMagnitudeMask) return;
  const unit = histogram.lowestDiscernibleValueRounded;
  histogram.minNonZeroValue = Math.floor(value / unit) * unit;
}

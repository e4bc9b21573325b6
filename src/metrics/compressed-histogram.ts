/**
 * Decoding a histogram in HdrHistogram's V2 compressed base64 form (what Snapshots carry) into
 * the histogram hdr-histogram-js's `decodeFromCompressedBase64(encoded, 32)` makes: the same
 * range, counters, total, min and max (test/unit/metrics/compressed-histogram.test.ts).
 *
 * Why not the library's: a coordinator decodes two histograms per row per worker every second,
 * and the library's decoder spends most of that around the inflate: base64 in JavaScript, a
 * `ByteBuffer` that copies four bytes to read an int, a counter set through a checked call, then
 * a second walk over every counter (thousands, mostly zero) to find the total, min and max, into
 * a counters array allocated per histogram. Here base64 is Node's, the header is read in place,
 * the total, min and max are kept while the counts are read, and the histogram keeps its non-zero
 * counters as [index, count] pairs: adding it into another (histogram-add.ts) visits those alone,
 * and its full counters array is made only if something reads a counter by index. The inflate
 * stays zlib's (`inflateSync`, about 10 µs a histogram): a JavaScript inflate measured no faster.
 *
 * The format: a big-endian int32 cookie and the deflated length, then zlib-deflated: a 40-byte
 * header (cookie, payload length, normalizing offset, significant digits, lowest and highest
 * trackable value, conversion ratio) and the counts as ZigZag LEB128 numbers, a negative number
 * being that many zero counters.
 */

import { inflateSync } from 'node:zlib';
import type { Histogram } from 'hdr-histogram-js';
import { FastIndexHistogram } from './fast-index-histogram.js';

const V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
const V2_COOKIE_BASE = 0x1c849303;
/** Cookie, payload length, normalizing offset, digits (int32 each); lowest, highest, ratio (int64). */
const HEADER_BYTES = 40;
const TWO_POW_32 = 2 ** 32;
/** A LEB128-64b9B number takes at most 9 bytes. */
const MAX_VARINT_BYTES = 9;

/** Set while a DecodedHistogram is constructed: its counters array is not allocated then. */
let deferCounters = false;

/**
 * A decoded histogram: its non-zero counters as [index, count] pairs, and the full counters array
 * (thousands, mostly zero: 36 KB for a range up to 262 ms) made only when something reads or
 * writes a counter by index. Adding it into another histogram (histogram-add.ts) needs neither.
 */
export class DecodedHistogram extends FastIndexHistogram {
  /** Null once a counter was written (the pairs would be stale). */
  private pairs: Uint32Array | null = null;
  private filled = false;

  /** A histogram of this range and layout, as the library makes it, with no counters allocated. */
  static withPairs(lowest: number, highest: number, digits: number, pairs: Uint32Array): DecodedHistogram {
    deferCounters = true;
    let histogram: DecodedHistogram;
    try {
      histogram = new DecodedHistogram(lowest, highest, digits);
    } finally {
      deferCounters = false;
    }
    histogram.countsArrayLength = histogram.determineArrayLengthNeeded(highest);
    histogram.pairs = pairs;
    return histogram;
  }

  override establishSize(newHighestTrackableValue: number): void {
    super.establishSize(newHighestTrackableValue);
    // The constructor allocates `countsArrayLength` counters right after this; see `withPairs`.
    if (deferCounters) this.countsArrayLength = 0;
  }

  override nonZeroCounters(): Uint32Array | null {
    return this.pairs;
  }

  override getCountAtIndex(index: number): number {
    if (!this.filled) this.fill();
    return super.getCountAtIndex(index);
  }

  private fill(): void {
    const counts = new Uint32Array(this.countsArrayLength);
    const pairs = this.pairs ?? new Uint32Array(0);
    for (let k = 0; k < pairs.length; k += 2) counts[pairs[k] as number] = pairs[k + 1] as number;
    this._counts = counts;
    this.filled = true;
  }

  /** Before any write: the counters are filled in and the pairs forgotten. */
  private writable(): void {
    if (!this.filled) this.fill();
    this.pairs = null;
  }

  override add(other: Histogram): void {
    this.writable();
    super.add(other);
  }
  override incrementCountAtIndex(index: number): void {
    this.writable();
    super.incrementCountAtIndex(index);
  }
  override addToCountAtIndex(index: number, value: number): void {
    this.writable();
    super.addToCountAtIndex(index, value);
  }
  override setCountAtIndex(index: number, value: number): void {
    this.writable();
    super.setCountAtIndex(index, value);
  }
  override clearCounts(): void {
    this.writable();
    super.clearCounts();
  }
  override resize(newHighestTrackableValue: number): void {
    this.writable();
    super.resize(newHighestTrackableValue);
  }
}

/** Decodes `encoded`; throws (with the library's messages where it has one) when it is not a histogram. */
export function decodeCompressedHistogram(encoded: string): DecodedHistogram {
  const text = encoded.trim();
  if (text.length % 4 > 0) throw new Error('Invalid string. Length must be a multiple of 4');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length < 8 || (bytes.readInt32BE(0) & ~0xf0) !== V2_COMPRESSED_COOKIE_BASE) {
    throw new Error('Encoding not supported, only V2 is supported');
  }
  const compressedLength = bytes.readUInt32BE(4);
  return decodeUncompressed(inflateSync(bytes.subarray(8, 8 + compressedLength)));
}

function decodeUncompressed(data: Buffer): DecodedHistogram {
  if (data.length < HEADER_BYTES || (data.readInt32BE(0) & ~0xf0) !== V2_COOKIE_BASE) {
    throw new Error('The buffer does not contain a Histogram (no valid V2 encoding cookie found)');
  }
  const payloadLength = data.readUInt32BE(4);
  const digits = data.readUInt32BE(12);
  const lowest = data.readUInt32BE(16) * TWO_POW_32 + data.readUInt32BE(20);
  const highest = data.readUInt32BE(24) * TWO_POW_32 + data.readUInt32BE(28);
  // A length past the data would read zeros for ever (the library loops through them); refuse it.
  if (HEADER_BYTES + payloadLength > data.length) throw new Error('The histogram is cut short');
  // The library's checks of the range and layout, with its messages, before reading the counts.
  if (lowest < 1 || highest < 2 * lowest || digits > 5) void new FastIndexHistogram(lowest, highest, digits);
  return readCounts(data, HEADER_BYTES + payloadLength, lowest, highest, digits);
}

/** Grown as needed, reused: the [index, count] pairs of the histogram being decoded. */
let scratch: Uint32Array = new Uint32Array(2048);

/** Reads the counts, then sets the total, min and max as the library establishes them. */
function readCounts(data: Buffer, end: number, lowest: number, highest: number, digits: number): DecodedHistogram {
  const length = countsLength(lowest, highest, digits);
  let position = HEADER_BYTES;
  let index = 0;
  let stored = 0;
  let total = 0;
  let maxIndex = -1;
  let minNonZeroIndex = -1;
  while (position < end) {
    let byte = data[position++] as number;
    let value = byte & 0x7f;
    let scale = 128;
    for (let read = 1; (byte & 0x80) !== 0 && read < MAX_VARINT_BYTES; read++) {
      byte = position < data.length ? (data[position] as number) : 0;
      position++;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    const count = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    if (count < 0) {
      index -= count;
      continue;
    }
    if (count > Number.MAX_SAFE_INTEGER) throw new Error(`${count} would overflow integer count`);
    if (index < length && count !== 0) {
      if (stored + 2 > scratch.length) scratch = growScratch(scratch);
      scratch[stored] = index;
      // Stored as the library's unsigned 32-bit counter keeps it (wrapped the same way).
      scratch[stored + 1] = count;
      const kept = scratch[stored + 1] as number;
      if (kept !== 0) {
        stored += 2;
        total += kept;
        maxIndex = index;
        if (minNonZeroIndex < 0 && index !== 0) minNonZeroIndex = index;
      }
    }
    index++;
  }
  const histogram = DecodedHistogram.withPairs(lowest, highest, digits, scratch.slice(0, stored));
  establishTotals(histogram, maxIndex, minNonZeroIndex, total);
  return histogram;
}

/** The counters a histogram of this range and layout has (one probe per layout, kept). */
const probes = new Map<string, FastIndexHistogram>();

function countsLength(lowest: number, highest: number, digits: number): number {
  const key = `${lowest}/${digits}`;
  let probe = probes.get(key);
  if (probe === undefined) {
    if (probes.size > 64) probes.clear();
    probe = new FastIndexHistogram(lowest, 2 * lowest, digits);
    probes.set(key, probe);
  }
  return probe.determineArrayLengthNeeded(highest);
}

function growScratch(full: Uint32Array): Uint32Array {
  const grown = new Uint32Array(full.length * 2);
  grown.set(full);
  return grown;
}
/** The library's `establishInternalTackingValues`, from what the read found. */
function establishTotals(histogram: DecodedHistogram, maxIndex: number, minNonZeroIndex: number, total: number): void {
  const mask = histogram.unitMagnitudeMask;
  histogram.maxValue = 0;
  histogram.minNonZeroValue = Number.MAX_VALUE;
  if (maxIndex >= 0) histogram.maxValue = histogram.highestEquivalentValue(histogram.valueFromIndex(maxIndex)) + mask;
  if (minNonZeroIndex >= 0) {
    const value = histogram.valueFromIndex(minNonZeroIndex);
    const unit = histogram.lowestDiscernibleValueRounded;
    if (value > mask) histogram.minNonZeroValue = Math.floor(value / unit) * unit;
  }
  histogram.setTotalCount(total);
}

/**
 * A histogram's compressed base64 form: HdrHistogram's V2 encoding, deflated and in base64,
 * byte for byte what hdr-histogram-js's `encodeIntoCompressedBase64` writes, so any HdrHistogram
 * reader (the library's decoder among them) reads it.
 *
 * Why not the library's encoder: its module loads pako, a zlib for browsers, and base64-js when
 * it is first required, although in Node it deflates with node:zlib. That load was about 25 ms
 * of CPU at the end of every run (a Result stores each row's histogram encoded), in a process
 * that has no other use for either package. The format is small and fixed: a 40-byte header, then
 * the counters up to the highest recorded value as ZigZag LEB128 words, a run of empty counters
 * as one negative word. test/unit/metrics/hdr.test.ts checks this against the library's output.
 */

import { createRequire } from 'node:module';
import type { JsHistogram } from './hdr.js';

/**
 * Node's Buffer and zlib, through `require`: the browser bundles type-check this module (they
 * import types that reach it) without Node's types, and never run it. These are the few
 * signatures it uses.
 */
interface NodeBytes extends Uint8Array {
  toString(encoding?: 'base64'): string;
  writeUInt32BE(value: number, offset: number): number;
}
const load = createRequire(import.meta.url);
const { Buffer: NodeBuffer } = load('node:buffer') as { Buffer: { alloc(size: number): NodeBytes; allocUnsafe(size: number): NodeBytes } };
const { deflateSync } = load('node:zlib') as { deflateSync(data: Uint8Array): Uint8Array };

/** The V2 cookies, with the word-size bits that mark ZigZag LEB128 counters. */
const ENCODING_COOKIE = 0x1c849303 | 0x10;
const COMPRESSED_ENCODING_COOKIE = 0x1c849304 | 0x10;
const HEADER_BYTES = 40;
/** A safe integer's ZigZag LEB128 word takes at most 8 bytes (the format allows 9). */
const MAX_WORD_BYTES = 8;
/** The library writes into a buffer of at least 16 bytes and encodes all of it. */
const MIN_COMPRESSED_FORM_BYTES = 16;
const TWO_POW_32 = 2 ** 32;

export function encodeCompressedBase64(histogram: JsHistogram): string {
  const raw = encodeUncompressed(histogram);
  const deflated = deflateSync(raw);
  const form = NodeBuffer.alloc(Math.max(MIN_COMPRESSED_FORM_BYTES, 8 + deflated.length));
  form.writeUInt32BE(COMPRESSED_ENCODING_COOKIE >>> 0, 0);
  form.writeUInt32BE(deflated.length, 4);
  form.set(deflated, 8);
  return form.toString('base64');
}

/** The uncompressed V2 encoding: header, then the counters. */
function encodeUncompressed(histogram: JsHistogram): Uint8Array {
  const countsLimit = histogram.countsArrayIndex(histogram.maxValue) + 1;
  const buffer = NodeBuffer.allocUnsafe(HEADER_BYTES + countsLimit * MAX_WORD_BYTES);
  buffer.writeUInt32BE(ENCODING_COOKIE >>> 0, 0);
  // 4: the payload length, written once known.
  buffer.writeUInt32BE(1, 8); // The library writes 1 where the format keeps a normalizing offset.
  buffer.writeUInt32BE(histogram.numberOfSignificantValueDigits, 12);
  writeInt64(buffer, histogram.lowestDiscernibleValue, 16);
  writeInt64(buffer, histogram.highestTrackableValue, 24);
  writeInt64(buffer, 1, 32); // The integer-to-double conversion ratio.
  let at = HEADER_BYTES;
  let index = 0;
  while (index < countsLimit) {
    const count = histogram.getCountAtIndex(index++);
    if (count < 0) throw new Error(`Cannot encode histogram containing negative counts (${count}) at index ${index}`);
    let zeros = 0;
    if (count === 0) {
      zeros = 1;
      while (index < countsLimit && histogram.getCountAtIndex(index) === 0) {
        zeros++;
        index++;
      }
    }
    at = writeZigZag(buffer, at, zeros > 1 ? -zeros : count);
  }
  buffer.writeUInt32BE(at - HEADER_BYTES, 4);
  return buffer.subarray(0, at);
}

/** As two big-endian 32-bit halves, high first. */
function writeInt64(buffer: NodeBytes, value: number, at: number): void {
  buffer.writeUInt32BE(Math.floor(value / TWO_POW_32) >>> 0, at);
  buffer.writeUInt32BE(value >>> 0, at + 4);
}

/** One ZigZag LEB128 word (seven bits a byte, low first); returns the position after it. */
function writeZigZag(buffer: Uint8Array, at: number, value: number): number {
  let rest = value >= 0 ? value * 2 : -value * 2 - 1;
  while (rest >= 0x80) {
    buffer[at++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  buffer[at++] = rest;
  return at;
}

/**
 * The one door to hdr-histogram-js: the classes volley builds on, each taken from the library's
 * own module for it, and its compressed base64 decoding. (Encoding is histogram-encoding.ts.)
 *
 * Why not the package's main module: it loads everything the library has on import, among it a
 * WebAssembly build decoded from base64, a log writer that builds an `Intl.NumberFormat` and the
 * pako compressor, about 35 ms of every volley start for parts volley never uses. The modules
 * here are the same CommonJS modules the main one re-exports (one module cache, so the classes
 * are the same objects), loaded with `require` because they are CommonJS. The main module is
 * loaded on the first decode.
 */

import { createRequire } from 'node:module';
import type * as HistogramModule from 'hdr-histogram-js/dist/Histogram.js' with { 'resolution-mode': 'require' };
import type * as Int32Module from 'hdr-histogram-js/dist/Int32Histogram.js';
import type * as Library from 'hdr-histogram-js' with { 'resolution-mode': 'require' };
import type * as JsModule from 'hdr-histogram-js/dist/JsHistogram.js' with { 'resolution-mode': 'require' };
import type * as PackedModule from 'hdr-histogram-js/dist/PackedHistogram.js';

const load = createRequire(import.meta.url);

export type Histogram = HistogramModule.default;

export const JsHistogram = (load('hdr-histogram-js/dist/JsHistogram.js') as typeof JsModule).JsHistogram;
export type JsHistogram = JsModule.JsHistogram;

/**
 * The class a CommonJS module exports as `default`. TypeScript's Node resolution sees such a
 * module's `default` as its whole `module.exports` (whose `default` is the class), the bundler
 * resolution of the browser check as the class itself; this names the class under both.
 */
type DefaultClass<M> = M extends { default: infer C } ? C : M;

export const Int32Histogram = (load('hdr-histogram-js/dist/Int32Histogram.js') as { default: DefaultClass<typeof Int32Module.default> }).default;

const PackedHistogram = (load('hdr-histogram-js/dist/PackedHistogram.js') as { default: DefaultClass<typeof PackedModule.default> }).default;

/** A histogram of packed (sparse) counters, as the library's `build({ bitBucketSize: 'packed' })` makes it. */
export function packedHistogram(numberOfSignificantValueDigits: number): Histogram {
  const histogram = new PackedHistogram(1, 2, numberOfSignificantValueDigits);
  histogram.autoResize = true;
  return histogram;
}

/**
 * The library's `decodeFromCompressedBase64(encoded, 32, false)`: a flat 32-bit JsHistogram. It
 * lives in the package's main module, loaded here on the first decode, which only a process that
 * reads snapshots or results makes (the main thread of a run on workers, a coordinator, compare).
 */
export function decodeFromCompressedBase64(encoded: string): Histogram {
  return (load('hdr-histogram-js') as typeof Library).decodeFromCompressedBase64(encoded, 32, false);
}

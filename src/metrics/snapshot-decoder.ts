/**
 * Decodes a Snapshot received from a worker (or read back): its rows' histograms inflated once, by
 * compressed-histogram.ts, whose histograms add into others over their positive counters alone.
 * Apart from decoded-snapshot.ts, whose types the browser code's live views also read, as this
 * needs Node's zlib.
 */

import { decodeCompressedHistogram } from './compressed-histogram.js';
import { assembleDecoded, type DecodedRow, type DecodedSnapshot } from './decoded-snapshot.js';
import type { Snapshot } from './snapshot.js';

export function decodeSnapshot(snapshot: Snapshot): DecodedSnapshot {
  return assembleDecoded(
    snapshot,
    snapshot.endpoints.map(
      (row): DecodedRow => ({
        row,
        latency: row.latency === '' ? null : decodeCompressedHistogram(row.latency),
        ttfb: row.ttfb === '' ? null : decodeCompressedHistogram(row.ttfb),
      }),
    ),
  );
}

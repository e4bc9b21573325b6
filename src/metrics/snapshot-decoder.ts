/**
 * Decodes a Snapshot received from a worker (or read back): its rows' histograms inflated once.
 * Apart from decoded-snapshot.ts, whose types the browser code's live views also read, as
 * decoding needs Node's zlib.
 */

import { assembleDecoded, type DecodedRow, type DecodedSnapshot } from './decoded-snapshot.js';
import { decodeHistogram } from './histogram.js';
import type { Snapshot } from './snapshot.js';

export function decodeSnapshot(snapshot: Snapshot): DecodedSnapshot {
  return assembleDecoded(
    snapshot,
    snapshot.endpoints.map(
      (row): DecodedRow => ({
        row,
        latency: row.latency === '' ? null : decodeHistogram(row.latency),
        ttfb: row.ttfb === '' ? null : decodeHistogram(row.ttfb),
      }),
    ),
  );
}

/**
 * The stats rows of one user's WebSockets, resolved once per (scope, method, name) and kept
 * (protocols/row-ids.ts): a message loop builds no key string per sample.
 */

import { SESSION_TYPE } from '../../metrics/endpoint-key.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import { RowIds } from '../row-ids.js';

export const CONNECT = 'CONNECT';
export const RTT = 'RTT';
/** Out of the run's totals (see countsInTotals): a socket's lifetime is no request. */
export const SESSION = SESSION_TYPE;

export type WsMethod = typeof CONNECT | typeof RTT | typeof SESSION;

/** A user's WebSocket rows: the three types above, with protocol `ws`. */
export class WsRows {
  private readonly ids: RowIds;

  constructor(recorder: MetricsRecorder) {
    this.ids = new RowIds(recorder, 'ws');
  }

  /** The row of `method` and `name` in `scope`. */
  row(scope: number, method: WsMethod, name: string): number {
    return this.ids.id(scope, method, name);
  }
}

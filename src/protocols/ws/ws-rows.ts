/**
 * The stats rows of one user's WebSockets, resolved once per (scope, method, name) and kept:
 * the recorder's own lookup joins the method and protocol into a key string, which a message
 * loop must not build per sample. A lookup here is two Map gets.
 */

import { SESSION_TYPE } from '../../metrics/endpoint-key.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';

export const CONNECT = 'CONNECT';
export const RTT = 'RTT';
/** Out of the run's totals (see countsInTotals): a socket's lifetime is no request. */
export const SESSION = SESSION_TYPE;

export type WsMethod = typeof CONNECT | typeof RTT | typeof SESSION;

export class WsRows {
  private readonly byMethod = new Map<WsMethod, Map<string, Map<number, number>>>();

  constructor(private readonly recorder: MetricsRecorder) {}

  /** The row of `method` and `name` in `scope`, with protocol `ws`. */
  row(scope: number, method: WsMethod, name: string): number {
    let byName = this.byMethod.get(method);
    if (byName === undefined) {
      byName = new Map();
      this.byMethod.set(method, byName);
    }
    let byScope = byName.get(name);
    if (byScope === undefined) {
      byScope = new Map();
      byName.set(name, byScope);
    }
    let id = byScope.get(scope);
    if (id === undefined) {
      id = this.recorder.endpoint(scope, method, name, 'ws');
      byScope.set(scope, id);
    }
    return id;
  }
}

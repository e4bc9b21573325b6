/**
 * What a socket needs from the user's WebSocket client: where to record, the user's scope and
 * clock, the default timeout, and how to tell the client it closed. One object per user, shared
 * by its sockets.
 */

import type { Clock } from '../../core/clock.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { UserScope } from '../user-scope.js';
import type { WsRows } from './ws-rows.js';

export interface WsSocketHost {
  readonly recorder: MetricsRecorder;
  readonly clock: Pick<Clock, 'now'>;
  /** The scope rows are made in now, and the iteration's due time. */
  readonly user: UserScope;
  readonly rows: WsRows;
  /** Ids of the `ws_messages_sent` and `ws_messages_received` counters. */
  readonly sentMetric: number;
  readonly receivedMetric: number;
  /** The default timeout of `next()` and `request()`, in ms (0: none). */
  readonly timeoutMs: number;
  /** An error recorded as a failed sample already: the task that sees it thrown does not count it again. */
  recorded(error: Error): void;
  /** A socket waits with a long timeout: the client sweeps its sockets until it closes. */
  watch(): void;
  /** A socket closed: it no longer needs closing when the user ends. */
  forget(socket: object): void;
}

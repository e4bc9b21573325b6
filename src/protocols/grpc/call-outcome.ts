/**
 * The end of a gRPC call: one sample on its row, failed unless the status is OK, its status
 * name as the error group, and what the script gets back. Every call kind ends here.
 */

import type { Metadata } from '@grpc/grpc-js';
import type { Clock } from '../../core/clock.js';
import { type MetricsRecorder, NOT_HTTP_STATUS } from '../../metrics/recorder.js';
import { metadataValues } from './call-settings.js';
import type { GrpcResult } from './grpc-types.js';
import { grpcErrorGroup, grpcStatusName } from './status-names.js';

/** What a call needs of its user: where to record, the clock, and whether the run was killed. */
export interface GrpcCallOwner {
  readonly recorder: MetricsRecorder;
  readonly clock: Clock;
  /** The run was killed: calls it cut short are the run's doing and are not recorded. */
  readonly killed: boolean;
  /** Calls in flight, cancelled if the run is killed. */
  readonly active: Set<{ cancel(): void }>;
  /** The ids of the message counters (`grpc_messages_sent`, `grpc_messages_received`). */
  sentMetric(): number;
  receivedMetric(): number;
}

export interface CallEnd<Response> {
  code: number;
  details: string;
  message: Response | undefined;
  headers: Metadata | undefined;
  trailers: Metadata | undefined;
  sent: number;
  received: number;
  /** When the final status arrived (clock ms). */
  at: number;
}

/**
 * Records the call's sample on `row`, timed from `start` (when it was due, clock ms), and
 * returns what its promise resolves with.
 */
export function finishCall<Response>(
  owner: GrpcCallOwner,
  row: number,
  start: number,
  end: CallEnd<Response>,
): GrpcResult<Response> {
  const durationMs = end.at - start;
  const failed = end.code !== 0;
  if (!owner.killed) {
    owner.recorder.record(row, durationMs * 1000, 0, NOT_HTTP_STATUS, 0, 0, failed);
    if (failed) owner.recorder.error(row, 'request', grpcErrorGroup(end.code, end.details));
  }
  return {
    ok: !failed,
    status: end.code,
    statusName: grpcStatusName(end.code),
    message: failed ? undefined : end.message,
    details: end.details,
    metadata: metadataValues(end.headers),
    trailers: metadataValues(end.trailers),
    durationMs,
    messagesSent: end.sent,
    messagesReceived: end.received,
  };
}

/**
 * The recording interface the protocol clients and the engine write to. It is on the hot path:
 * callers resolve a scope once per (user class, task) and an endpoint id once per distinct
 * (scope, method, name), then record plain numbers. Implementations must not allocate per call.
 */

import type { CustomMetricDeclaration } from './custom-metric.js';
import type { Protocol } from './endpoint-key.js';

/**
 * The status of a sample that is not an HTTP response (`vu.measure()`, `vu.group()`): it counts
 * no status code and no time to first byte, so HTTP-only figures stay HTTP's.
 */
export const NOT_HTTP_STATUS = -1;

/** Reads the headers a request went out with, as a plain record (see describeSlow). */
export type SentHeaders = () => Readonly<Record<string, string>>;

export interface MetricsRecorder {
  /**
   * Registers a (scenario, user class, task tags) context; called once per task at start, and once
   * per `vu.group()` path (`checkout › pay`) met in it, whose rows then carry the group.
   */
  scope(scenario: string, user: string, tags: readonly string[], group?: string): number;
  /**
   * The numeric id of a stats row; a Map lookup once the row exists. `protocol` is the row's
   * protocol when it is not HTTP/1.1 (`h2`, `ws`, `sse`, `grpc`; see EndpointKey).
   */
  endpoint(scope: number, method: string, name: string, protocol?: Protocol): number;
  /**
   * One finished request. Durations are microseconds from when the request was due (which is
   * when it was sent, except in open-model runs that started it late). `status` is
   * NOT_HTTP_STATUS for a sample that is no HTTP request (its `ttfbUs` is then ignored).
   * Returns true when the sample is one of its row's slowest kept so far (one number compared
   * per call): the caller may then `describeSlow()` it. A recorder that keeps none returns nothing.
   */
  record(
    endpoint: number,
    durationUs: number,
    ttfbUs: number,
    status: number,
    bytesIn: number,
    bytesOut: number,
    failed: boolean,
  ): boolean | void;
  /**
   * The request behind the sample `record()` just kept as one of its row's slowest (it returned
   * true): its method, full URL and a reader of the headers as sent, which the recorder calls
   * (and redacts) only for a request still among the slowest when the next Snapshot is taken:
   * while latency climbs, as in a run's first second, nearly every request is kept for a moment.
   * Optional, like retry: a recorder may keep no slowest requests. Never called per request.
   */
  describeSlow?(endpoint: number, method: string, url: string, headers: SentHeaders): void;
  /** Turns an already recorded success into a failure (a check asked to fail the request). */
  markFailed(endpoint: number): void;
  /** Groups an error message under a row (request errors) or a task (exceptions). */
  error(endpoint: number, kind: 'request' | 'task', message: string): void;
  check(scope: number, name: string, passed: boolean): void;
  iteration(): void;
  droppedIteration(): void;
  /**
   * A request went out again after a kept-alive connection dropped it unanswered (its failed
   * attempt is recorded as a failed request too). Optional: a recorder may not count retries.
   */
  retry?(): void;
  /**
   * A compressed body was decoded when the script read it: its size on the wire and decoded.
   * Optional, like retry: only bodies a script reads are ever decoded.
   */
  bodyDecoded?(wireBytes: number, decodedBytes: number): void;
  /** The id of a declared custom metric; once per (user, metric), never per sample. */
  customMetric(declaration: CustomMetricDeclaration): number;
  /** One custom-metric sample (booleans as 1 and 0); throws on a value its kind cannot take. */
  metricSample(metric: number, value: number): void;
}

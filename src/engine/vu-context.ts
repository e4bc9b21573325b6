/**
 * What a virtual user's code sees. One context object exists per virtual user for its whole
 * life and is passed to `onStart`, every task and `onStop`, so `state` persists across tasks and
 * nothing is allocated per task.
 */

import type { GrpcApi } from '../protocols/grpc/index.js';
import type { CheckOptions, HttpApi, HttpResponse } from '../protocols/http/index.js';
import type { WsApi } from '../protocols/ws/index.js';
import type { MetricHandle } from './metric-handles.js';
import type { DurationInput } from './wait-time.js';

export interface VuContext<State extends object = Record<string, unknown>, Data = unknown> {
  /** Unique across the run (and across workers): the user's spawn index. */
  readonly id: number;
  /** The user class name (`AuthUser`). */
  readonly user: string;
  /** Per-user state, free for the script's use; starts as `{}`. */
  state: State;
  /** What the scenario's `setup()` returned; the same value for every user. */
  readonly data: Data;
  /** This user's HTTP client: its own cookies and keep-alive connections. */
  readonly http: HttpApi;
  /**
   * This user's WebSocket client: `await vu.ws.connect('/chat')`. A socket may be kept open
   * across tasks (in `state`); every socket the user opened is closed when the user ends.
   */
  readonly ws: WsApi;
  /**
   * This user's gRPC channels: `vu.grpc.client('ledger.proto', 'ledger.Ledger', { target })`
   * gives a client for unary and streaming calls (see docs/grpc.md). Channels are the user's
   * own, one per target, closed when the user ends; grpc-js loads on first use.
   */
  readonly grpc: GrpcApi;
  /** Tasks this user has started so far. */
  readonly iteration: number;
  /** Aborts when the run stops for good (grace period over, or a second Ctrl-C). */
  readonly signal: AbortSignal;
  /** Counts named checks on a response; see `check` in the HTTP client. */
  check(
    response: HttpResponse,
    checks: Record<string, (response: HttpResponse) => unknown>,
    options?: CheckOptions,
  ): boolean;
  /**
   * Sleeps, returning early when the run stops: `sleep(1.5)` or `sleep('1500ms')` (a bare number
   * is seconds, as in every duration volley takes).
   */
  sleep(duration: DurationInput): Promise<void>;
  /** A uniform draw in [0, 1) from this user's own generator: reproducible with `--seed`. */
  random(): number;
  /**
   * A handle on one of the scenario's declared custom metrics (`metrics` in defineScenario),
   * kept per user: `vu.metric('cost_usd').add(0.012)`. Naming an undeclared metric throws.
   */
  metric(name: string): MetricHandle;
  /**
   * Times `fn` (sync or async) as one sample of a stats row of its own, keyed by `name` and
   * `type` (the Type column, upper-cased; default `CUSTOM`): `vu.measure('db: insert lease', () =>
   * pool.query(sql), { type: 'sql' })`. Resolves with what `fn` returned; when `fn` throws, the
   * sample fails with the error's message and the same error is thrown on (the task does not
   * count it again). `bytes` counts as bytes received.
   */
  measure<T>(name: string, fn: () => T | Promise<T>, options?: MeasureOptions): Promise<T>;
  /**
   * Runs `fn` as the group `name`: the whole call is one row of type `GROUP`, and every request
   * and measure inside it is recorded in rows of the group (`checkout › /api/pay`), selectable
   * with `group=checkout` in thresholds. Groups nest (`checkout › pay`).
   */
  group<T>(name: string, fn: () => T | Promise<T>): Promise<T>;
}

export interface MeasureOptions {
  /** The row's Type column (`SQL`, `QUEUE`, `SDK`…), upper-cased; default `CUSTOM`. */
  type?: string;
  /** Bytes this call received, counted as bytes in. */
  bytes?: number;
}

export type TaskFunction<State extends object = Record<string, unknown>, Data = unknown> = (
  context: VuContext<State, Data>,
) => unknown;

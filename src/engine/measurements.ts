/**
 * `vu.measure()` and `vu.group()` for one virtual user: timing any call as a sample of a stats
 * row, and recording requests and measures under a group's rows.
 *
 * Hot path: a measure allocates nothing beyond the promise it returns. Its row id comes from
 * the class's ScopeRows cache; it records plain numbers; a synchronous `fn` resolves through
 * `Promise.resolve` and only an awaitable result goes through an async continuation.
 *
 * Time counts as for HTTP requests: from when the iteration was due in an open-model run. The
 * due time lives in the user's HTTP client (`dueAt`), so the first of a measure or a request in
 * the iteration consumes it. A group reads it without consuming it: the group and the first
 * request or measure inside it both count from when the iteration was due.
 *
 * A group's scope is the HTTP client's `scope` while the group runs (and the task's again after
 * it): groups run one at a time in a user, as its requests are attributed through that one field.
 */

import type { Clock } from '../core/clock.js';
import { isThenable } from '../core/thenable.js';
import { type MetricsRecorder, NOT_HTTP_STATUS } from '../metrics/recorder.js';
import type { HttpClient } from '../protocols/http/index.js';
import { takeStart } from '../protocols/user-scope.js';
import { describeError } from './error-text.js';
import { GROUP_TYPE, type ScopeRows } from './scope-rows.js';
import type { MeasureOptions } from './vu-context.js';

export class Measurements {
  /**
   * Errors already recorded against a measure or group row: the task that sees them thrown on
   * does not count them a second time (a thrown primitive cannot be remembered, and is).
   */
  readonly recordedErrors = new WeakSet<object>();

  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly clock: Clock,
    private readonly http: HttpClient,
    private readonly rows: ScopeRows,
  ) {}

  measure<T>(name: string, fn: () => T | Promise<T>, options?: MeasureOptions): Promise<T> {
    const row = this.rows.row(this.http.scope, options === undefined ? undefined : options.type, name);
    const bytes = options === undefined || options.bytes === undefined ? 0 : bytesOf(options.bytes);
    const start = this.takeStart();
    let value: T | Promise<T>;
    try {
      value = fn();
    } catch (error) {
      this.fail(row, start, bytes, error);
      return Promise.reject(error);
    }
    if (isThenable(value)) return this.settle(value as PromiseLike<T>, row, start, bytes);
    this.recorder.record(row, (this.clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, bytes, 0, false);
    return Promise.resolve(value);
  }

  async group<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    const parent = this.http.scope;
    const row = this.rows.row(parent, GROUP_TYPE, name);
    const scope = this.rows.child(parent, name);
    const due = this.http.dueAt;
    const now = this.clock.now();
    const start = due < now ? due : now;
    this.http.scope = scope;
    try {
      const value = await fn();
      this.recorder.record(row, (this.clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, 0, 0, false);
      return value;
    } catch (error) {
      this.fail(row, start, 0, error);
      throw error;
    } finally {
      this.http.scope = parent;
    }
  }

  /** Whether `error` was recorded by a measure or group already. */
  recorded(error: unknown): boolean {
    return typeof error === 'object' && error !== null && this.recordedErrors.has(error);
  }

  /** Now, or when the iteration was due if that was earlier; the due time is used up. */
  private takeStart(): number {
    return takeStart(this.http, this.clock.now());
  }

  /**
   * Records the sample once `pending` settles. Two handlers on `then` rather than an async
   * function: one promise fewer per call, which measured 40 to 90 ns cheaper.
   */
  private settle<T>(pending: PromiseLike<T>, row: number, start: number, bytes: number): Promise<T> {
    return Promise.resolve(pending).then(
      (value) => {
        this.recorder.record(row, (this.clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, bytes, 0, false);
        return value;
      },
      (error: unknown) => {
        this.fail(row, start, bytes, error);
        throw error;
      },
    );
  }

  /** A failed sample; its message is grouped under the row unless an inner measure or group did. */
  private fail(row: number, start: number, bytes: number, error: unknown): void {
    this.recorder.record(row, (this.clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, bytes, 0, true);
    if (this.recorded(error)) return;
    this.recorder.error(row, 'request', describeError(error));
    if (typeof error === 'object' && error !== null) this.recordedErrors.add(error);
  }
}

function bytesOf(bytes: number): number {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0)
    throw new TypeError(`vu.measure(): bytes must be a number >= 0, got ${String(bytes)}`);
  return Math.round(bytes);
}

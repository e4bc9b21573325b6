/**
 * One virtual user: runs onStart, then tasks (by weight, or in order) separated by the class's
 * wait time, until the run asks it to stop or the iteration budget is spent, then onStop.
 *
 * Stopping is graceful: the stop signal ends waits early and no new task starts, but the task in
 * progress finishes. Only the hard signal (grace period over) cuts requests short. An exception in
 * a task is recorded against that task and the user carries on, as in Locust, after its wait and
 * a pause that grows with each failure in a row (see failurePauseMs); an exception in onStart ends
 * the user, since its tasks usually depend on what onStart set up.
 */

import type { CustomMetricDeclaration } from '../metrics/custom-metric.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import { check, type HttpClient } from '../protocols/http/index.js';
import { WsClient } from '../protocols/ws/index.js';
import { GrpcUser } from '../protocols/grpc/index.js';
import type { Clock } from '../core/clock.js';
import type { CompiledClass } from './compiled-class.js';
import type { IterationBudget } from './iteration-budget.js';
import { MetricHandles } from './metric-handles.js';
import { Random } from '../core/random.js';
import type { MeasureOptions, VuContext } from './vu-context.js';
import { type DurationInput, toMs } from './wait-time.js';
import { describeError } from './error-text.js';
import { Measurements } from './measurements.js';


export interface VirtualUserEnvironment {
  readonly recorder: MetricsRecorder;
  readonly clock: Clock;
  readonly data: unknown;
  /** Aborts when the run stops gracefully: no new tasks. */
  readonly stopSignal: AbortSignal;
  /** Aborts when the run stops for good: in-flight work is cut. */
  readonly killSignal: AbortSignal;
  readonly budget: IterationBudget | null;
  readonly seed: number;
  /** The run's declared custom metrics. */
  readonly metrics?: readonly CustomMetricDeclaration[];
}

/** Zero-wait users yield to the event loop this often, so timers and I/O are never starved. */
const YIELD_EVERY = 64;

/**
 * A task that throws every time (a typo in the script) must not turn its user into a busy loop:
 * after consecutive failures the user pauses at least 2^(n-1) ms, up to this, until a task succeeds.
 */
export const MAX_FAILURE_PAUSE_MS = 1000;

/** The pause after `failures` consecutive failed tasks of one user (0 after a success). */
export function failurePauseMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_FAILURE_PAUSE_MS, 2 ** Math.min(failures - 1, 10));
}

class Context implements VuContext<object, unknown> {
  state: object = {};
  iteration = 0;
  /** Made on the first `vu.grpc` use: a user that speaks no gRPC loads no grpc-js. */
  grpcUser: GrpcUser | undefined;

  constructor(
    readonly id: number,
    readonly user: string,
    readonly data: unknown,
    readonly http: HttpClient,
    readonly signal: AbortSignal,
    private readonly clock: Clock,
    private readonly source: Random,
    readonly measurements: Measurements,
    private readonly metrics: MetricHandles,
    private readonly recorder: MetricsRecorder,
  ) {}

  /** Made on first use: a user that opens no WebSocket pays nothing for it. */
  wsClient: WsClient | undefined;

  get ws(): WsClient {
    return (this.wsClient ??= new WsClient({
      recorder: this.recorder,
      clock: this.clock,
      user: this.http,
      baseUrl: this.http.settings.baseUrl,
      headers: this.http.settings.headers,
      insecure: this.http.settings.insecure,
      timeoutMs: this.http.connectTimeoutMs,
      jar: this.http.jar,
      recorded: (error) => this.measurements.recordedErrors.add(error),
    }));
  }

  /** Made on first use, like `ws`: grpc-js loads only for users that call gRPC. */
  get grpc(): GrpcUser {
    this.grpcUser ??= new GrpcUser(this.recorder, this.clock, this.http);
    return this.grpcUser;
  }

  metric: VuContext['metric'] = (name) => this.metrics.get(name);

  check: VuContext['check'] = (response, checks, options) => check(response, checks, options);

  measure<T>(name: string, fn: () => T | Promise<T>, options?: MeasureOptions): Promise<T> {
    return this.measurements.measure(name, fn, options);
  }

  group<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
    return this.measurements.group(name, fn);
  }

  sleep(duration: DurationInput): Promise<void> {
    return this.clock.sleep(typeof duration === 'number' && duration >= 0 ? duration * 1000 : toMs(duration, 'vu.sleep()'), this.signal);
  }

  random(): number {
    return this.source.next();
  }
}

export class VirtualUser {
  private readonly context: Context;
  private readonly random: Random;
  private sequence = 0;
  private zeroWaits = 0;
  /** Tasks in a row that threw; paces a user whose script fails every time. */
  private failures = 0;

  constructor(
    readonly id: number,
    private readonly compiled: CompiledClass,
    private readonly http: HttpClient,
    private readonly env: VirtualUserEnvironment,
  ) {
    this.random = new Random(env.seed ^ Math.imul(id + 1, 0x9e3779b1));
    this.context = new Context(
      id,
      compiled.spec.name,
      env.data,
      http,
      env.killSignal,
      env.clock,
      this.random,
      new Measurements(env.recorder, env.clock, http, compiled.rows),
      new MetricHandles(env.metrics ?? [], env.recorder),
      env.recorder,
    );
  }

  /** The closed model: start, loop over tasks until `stop` aborts or the budget is spent, finish. */
  async run(stop: AbortSignal = this.env.stopSignal, iterations = Number.POSITIVE_INFINITY): Promise<void> {
    try {
      // A user whose onStart failed never ran: it has nothing for onStop to undo.
      if (await this.start()) {
        await this.loop(stop, iterations);
        await this.finish();
      }
    } finally {
      await this.http.close().catch(() => undefined);
      await this.context.wsClient?.close().catch(() => undefined);
      this.context.grpcUser?.close();
    }
  }

  /** Runs onStart; false when it threw (the user cannot go on). */
  async start(): Promise<boolean> {
    const { spec } = this.compiled;
    if (spec.onStart === undefined) return true;
    this.http.scope = this.compiled.lifecycleScope;
    return this.invoke(spec.onStart, this.compiled.onStartErrorRow);
  }

  /**
   * One task. `dueAt` (clock ms) is when the iteration was due in an open-model run: the first
   * request's latency then counts from it, so a late start counts against the target.
   * Returns whether the task ran without throwing.
   */
  async iterate(dueAt = Number.NaN): Promise<boolean> {
    const { spec, choice, taskScopes, taskErrorRows } = this.compiled;
    const tasks = spec.tasks;
    const index = spec.sequential ? this.sequence++ % tasks.length : choice.pick(this.random.next());
    this.http.scope = taskScopes[index] as number;
    this.http.dueAt = dueAt;
    this.context.iteration++;
    const ok = await this.invoke((tasks[index] as (typeof tasks)[number]).run, taskErrorRows[index] as number);
    this.env.recorder.iteration();
    return ok;
  }

  /** Runs onStop (unless the run was killed) and closes the user's connections. */
  async finish(): Promise<void> {
    const { spec } = this.compiled;
    if (spec.onStop !== undefined && !this.env.killSignal.aborted) {
      this.http.scope = this.compiled.lifecycleScope;
      await this.invoke(spec.onStop, this.compiled.onStopErrorRow);
    }
    await this.http.close().catch(() => undefined);
    await this.context.wsClient?.close().catch(() => undefined);
    this.context.grpcUser?.close();
  }

  /** Stops the user's in-flight requests (the grace period is over). */
  async kill(): Promise<void> {
    this.context.grpcUser?.destroy();
    await Promise.all([this.http.destroy(), this.context.wsClient?.destroy()]);
  }

  private async loop(stop: AbortSignal, iterations: number): Promise<void> {
    const { clock, budget } = this.env;
    for (let done = 0; done < iterations && !stop.aborted; done++) {
      if (budget !== null && !budget.take()) return;
      const started = clock.now();
      this.failures = (await this.iterate()) ? 0 : this.failures + 1;
      if (stop.aborted) return;
      const paced = this.compiled.spec.wait.next(clock.now() - started, this.random);
      const wait = Math.max(paced, failurePauseMs(this.failures));
      if (wait > 0) await clock.sleep(wait, stop);
      else if (++this.zeroWaits % YIELD_EVERY === 0)
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Runs user code; records a thrown error against `errorRow`. Returns whether it succeeded. */
  private async invoke(
    fn: (context: VuContext<object, unknown>) => unknown,
    errorRow: number,
  ): Promise<boolean> {
    try {
      const returned = fn(this.context);
      // Only await what is awaitable: a synchronous task costs no extra microtask.
      if (
        returned !== null &&
        typeof returned === 'object' &&
        typeof (returned as Promise<unknown>).then === 'function'
      ) {
        await returned;
      }
      return true;
    } catch (error) {
      // Errors caused by the run being killed are the run's doing, not the script's; one a
      // measure or group recorded already is not counted twice.
      if (!this.env.killSignal.aborted && !this.context.measurements.recorded(error))
        this.env.recorder.error(errorRow, 'task', describeError(error));
      return false;
    }
  }
}

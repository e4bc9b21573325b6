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

/** What a zero-wait user's next iteration is chained to: a microtask without an async resource. */
const SETTLED = Promise.resolve();

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
  /** The error row of the task in progress. */
  private taskErrorRow = 0;
  private looping: ClosedLoop | undefined = undefined;
  /** Told when the open-model iteration under way has settled (see iterateThen). */
  private iterated: IterationDone | undefined = undefined;

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

  /** One task, as iterateThen() runs it; resolves with whether it ran without throwing. */
  iterate(dueAt = Number.NaN): Promise<boolean> {
    return new Promise((resolve) => this.iterateThen(dueAt, (_user, ok) => resolve(ok)));
  }

  /**
   * The open model's iteration, with no async frame: runs one task due at `dueAt` (clock ms, when
   * the iteration was due: the first request's latency counts from it, so a late start counts
   * against the target), then, once it has settled and is counted, calls `done`. The pool binds
   * `done` once; the task's settling goes to handlers bound once per user, as in the closed loop.
   */
  iterateThen(dueAt: number, done: IterationDone): void {
    this.iterated = done;
    const returned = this.startTask(dueAt);
    if (typeof returned === 'boolean') this.iterationSettled(returned);
    else returned.then(this.iterationSucceeded, this.iterationFailed);
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

  /**
   * The closed model's loop, with no async frame per iteration: a task's promise settles into
   * handlers bound once per user. A user waiting on a response then holds one promise reaction
   * rather than a chain of suspended async functions, which is most of a waiting user's memory
   * and, when responses are slow, garbage that survives into the old generation.
   */
  private loop(stop: AbortSignal, iterations: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.looping = { stop, iterations, done: 0, startedAt: 0, resolve, reject };
      this.nextIteration();
    });
  }

  private readonly nextIteration = (): void => {
    const looping = this.looping as ClosedLoop;
    try {
      const { budget, clock } = this.env;
      if (looping.done >= looping.iterations || looping.stop.aborted || (budget !== null && !budget.take())) {
        looping.resolve();
        return;
      }
      looping.done++;
      looping.startedAt = clock.now();
      const returned = this.startTask(Number.NaN);
      if (typeof returned === 'boolean') this.afterTask(returned);
      else returned.then(this.taskSucceeded, this.taskFailedInLoop);
    } catch (error) {
      looping.reject(error);
    }
  };

  private iterationSettled(ok: boolean): void {
    this.env.recorder.iteration();
    (this.iterated as IterationDone)(this, ok);
  }

  private readonly iterationSucceeded = (): void => this.iterationSettled(true);

  private readonly iterationFailed = (error: unknown): void => this.iterationSettled(this.taskFailed(error));

  private readonly taskSucceeded = (): void => this.afterTask(true);

  private readonly taskFailedInLoop = (error: unknown): void => this.afterTask(this.taskFailed(error));

  /** Paces the next iteration: the wait time, a pause after failures, or a yield now and then. */
  private afterTask(ok: boolean): void {
    const looping = this.looping as ClosedLoop;
    try {
      this.env.recorder.iteration();
      this.failures = ok ? 0 : this.failures + 1;
      if (looping.stop.aborted) {
        looping.resolve();
        return;
      }
      const { clock } = this.env;
      const paced = this.compiled.spec.wait.next(clock.now() - looping.startedAt, this.random);
      const wait = Math.max(paced, failurePauseMs(this.failures));
      if (wait > 0) clock.sleep(wait, looping.stop).then(this.nextIteration, looping.reject);
      else if (++this.zeroWaits % YIELD_EVERY === 0) setImmediate(this.nextIteration);
      // A microtask, not a call: users whose tasks return at once still take turns. A reaction
      // to a settled promise, not queueMicrotask(), which wraps every callback in an AsyncResource.
      else SETTLED.then(this.nextIteration);
    } catch (error) {
      looping.reject(error);
    }
  }

  /**
   * Picks and calls the next task: whether it succeeded when it returned (or threw) at once, or
   * what it returned to wait on.
   */
  private startTask(dueAt: number): boolean | PromiseLike<unknown> {
    const { spec, choice, taskScopes, taskErrorRows } = this.compiled;
    const tasks = spec.tasks;
    const index = spec.sequential ? this.sequence++ % tasks.length : choice.pick(this.random.next());
    this.http.scope = taskScopes[index] as number;
    this.http.dueAt = dueAt;
    this.context.iteration++;
    this.taskErrorRow = taskErrorRows[index] as number;
    try {
      const returned = (tasks[index] as (typeof tasks)[number]).run(this.context);
      return isThenable(returned) ? returned : true;
    } catch (error) {
      return this.taskFailed(error);
    }
  }

  /** Records a task's error against its row; false, for the loop's count of failures. */
  private readonly taskFailed = (error: unknown): false => {
    this.recordFailure(error, this.taskErrorRow);
    return false;
  };

  /** Runs user code; records a thrown error against `errorRow`. Returns whether it succeeded. */
  private async invoke(
    fn: (context: VuContext<object, unknown>) => unknown,
    errorRow: number,
  ): Promise<boolean> {
    try {
      const returned = fn(this.context);
      // Only await what is awaitable: a synchronous hook costs no extra microtask.
      if (isThenable(returned)) await returned;
      return true;
    } catch (error) {
      this.recordFailure(error, errorRow);
      return false;
    }
  }

  private recordFailure(error: unknown, errorRow: number): void {
    // Errors caused by the run being killed are the run's doing, not the script's; one a
    // measure or group recorded already is not counted twice.
    if (!this.env.killSignal.aborted && !this.context.measurements.recorded(error))
      this.env.recorder.error(errorRow, 'task', describeError(error));
  }
}

/** Told that an open-model iteration has settled and been counted: whether its task ran without throwing. */
type IterationDone = (user: VirtualUser, ok: boolean) => void;

/** The closed loop's state while `run()` goes on. */
interface ClosedLoop {
  readonly stop: AbortSignal;
  readonly iterations: number;
  done: number;
  /** Clock ms the current iteration started, for the pacing of the wait after it. */
  startedAt: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * The measuring loops: the hot path of a benchmark. Two of them, as in tinybench, because
 * awaiting a function that returns nothing still costs a trip through the microtask queue
 * (hundreds of nanoseconds, more than many functions being measured): a synchronous function is
 * called in a plain loop that never awaits; only a function that returned a promise when probed
 * is awaited. Neither loop allocates: each call adds a number to the accumulator (a test runs a
 * million calls without a garbage collection). The clock is another matter: on Node 20,
 * `performance.now()` is built on `process.hrtime()` and so creates a two-element array per
 * reading, a young-generation collection every ~65,000 readings; `process.hrtime.bigint()` would
 * allocate a BigInt instead. That cost is Node's, lands in a few samples' tails, and is the same
 * for every benchmark.
 *
 * Each sample is the time between two clock readings around the call minus the loop's own cost,
 * `overheadNs`: the median time of the same loop calling an empty function (sync or async to
 * match), measured before each benchmark. So an empty function reports about 0 rather than the
 * cost of reading the clock, and the subtracted overhead is reported beside the results.
 * Samples are clamped at 0.
 *
 * Limits: at most `iterations` calls, and none started after `deadline` (clock ms). The check
 * comes after each call, so at least one call is made whenever `iterations` > 0.
 *
 * Per-call hooks (`beforeEach`/`afterEach`) get loops of their own, `syncHookedLoop` and
 * `asyncHookedLoop`, so the two loops above stay free of a branch and an allocation they would
 * never use. The timed span inside them is the same two clock readings around the same call (a
 * synchronous `fn` is still never awaited); the hooks run outside it. A hook is awaited only when
 * it returned a thenable, checked on every call since an unawaited promise would let the next call
 * start before its preparation finished: with synchronous hooks and a synchronous `fn` the loop
 * never yields. A call there spans `beforeEach` to `afterEach`, so the deadline is checked with a
 * fresh reading after `afterEach` (slow hooks count against `time`, which stays wall-clock), and
 * the abort signal is checked in both, since either may yield to the event loop.
 */

import type { Clock } from '../core/clock.js';
import { isThenable } from '../core/thenable.js';
import { SampleAccumulator } from './statistics.js';

/** The loop only reads the clock (tinybench's TimestampProvider); tests inject a virtual one. */
export type BenchClock = Pick<Clock, 'now'>;

export interface LoopLimits {
  iterations: number;
  /** Clock ms after which no further call starts; Infinity for none. */
  deadline: number;
}

const NS_PER_MS = 1e6;

/** Run around every call of `fn`, outside the timed span; a no-op stands in for a missing one. */
export interface PerCallHooks {
  beforeEach: () => unknown;
  afterEach: () => unknown;
}

export function syncLoop(
  fn: () => unknown,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
): void {
  const { iterations, deadline } = limits;
  for (let i = 0; i < iterations; i++) {
    const start = clock.now();
    fn();
    const end = clock.now();
    const ns = (end - start) * NS_PER_MS - overheadNs;
    acc.add(Math.max(ns, 0));
    if (end >= deadline) return;
  }
}

export async function asyncLoop(
  fn: () => unknown,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
  signal?: AbortSignal,
): Promise<void> {
  const { iterations, deadline } = limits;
  for (let i = 0; i < iterations; i++) {
    const start = clock.now();
    await fn();
    const end = clock.now();
    const ns = (end - start) * NS_PER_MS - overheadNs;
    acc.add(Math.max(ns, 0));
    if (end >= deadline || signal?.aborted === true) return;
  }
}

/** `syncLoop` with hooks: `fn` is called without being awaited, a hook only if it returned a thenable. */
export async function syncHookedLoop(
  fn: () => unknown,
  hooks: PerCallHooks,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
  signal?: AbortSignal,
): Promise<void> {
  const { iterations, deadline } = limits;
  const { beforeEach, afterEach } = hooks;
  for (let i = 0; i < iterations; i++) {
    const prepared = beforeEach();
    if (isThenable(prepared)) await prepared;
    const start = clock.now();
    fn();
    const end = clock.now();
    const ns = (end - start) * NS_PER_MS - overheadNs;
    acc.add(Math.max(ns, 0));
    const cleaned = afterEach();
    if (isThenable(cleaned)) await cleaned;
    if (clock.now() >= deadline || signal?.aborted === true) return;
  }
}

/** `asyncLoop` with hooks: `fn` is awaited inside the timed span, a hook only if it returned a thenable. */
export async function asyncHookedLoop(
  fn: () => unknown,
  hooks: PerCallHooks,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
  signal?: AbortSignal,
): Promise<void> {
  const { iterations, deadline } = limits;
  const { beforeEach, afterEach } = hooks;
  for (let i = 0; i < iterations; i++) {
    const prepared = beforeEach();
    if (isThenable(prepared)) await prepared;
    const start = clock.now();
    await fn();
    const end = clock.now();
    const ns = (end - start) * NS_PER_MS - overheadNs;
    acc.add(Math.max(ns, 0));
    const cleaned = afterEach();
    if (isThenable(cleaned)) await cleaned;
    if (clock.now() >= deadline || signal?.aborted === true) return;
  }
}

const CALIBRATION_CALLS = 2000;
const CALIBRATION_BUDGET_MS = 50;

function noop(): void {}
async function asyncNoop(): Promise<void> {}

const NO_HOOKS: PerCallHooks = { beforeEach: noop, afterEach: noop };

/**
 * The median cost (ns) of one turn of the loop around an empty function, sync or async. Twice:
 * the first pass warms the loop up; the median of the second is kept. `hooked` calibrates the
 * hooked loop that will measure, so the code between the clock readings is the very code timed
 * later; its hooks are no-ops, and would sit outside the readings anyway.
 */
export async function measureOverhead(clock: BenchClock, async: boolean, hooked = false): Promise<number> {
  let median = 0;
  for (let pass = 0; pass < 2; pass++) {
    const acc = new SampleAccumulator();
    const limits = { iterations: CALIBRATION_CALLS, deadline: clock.now() + CALIBRATION_BUDGET_MS };
    if (hooked) {
      if (async) await asyncHookedLoop(asyncNoop, NO_HOOKS, clock, limits, 0, acc);
      else await syncHookedLoop(noop, NO_HOOKS, clock, limits, 0, acc);
    } else if (async) await asyncLoop(asyncNoop, clock, limits, 0, acc);
    else syncLoop(noop, clock, limits, 0, acc);
    median = acc.percentileNs(50);
  }
  return Number.isFinite(median) ? median : 0;
}

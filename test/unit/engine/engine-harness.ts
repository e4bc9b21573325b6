/**
 * A LoadEngine on a virtual clock, for engine tests: one user class "Walker" with one task that
 * logs (user id, clock time), onStart / onStop hooks that log the same, a constant(1s) wait by
 * default, a RampingUsersExecutor (4 users at 2/s by default) and a CountingRecorder. Tasks never
 * call `http`, so the engine's real HttpClients open no connection.
 */

import { constant } from '../../../src/api/wait-time.js';
import type { Executor } from '../../../src/engine/executors/executor.js';
import { RampingUsersExecutor } from '../../../src/engine/executors/ramping-users.js';
import { type EngineOutcome, LoadEngine } from '../../../src/engine/load-engine.js';
import type { ExecutionSegment } from '../../../src/engine/segment.js';
import type { UserClassSpec } from '../../../src/engine/user-class.js';
import type { TaskFunction } from '../../../src/engine/vu-context.js';
import type { WaitTime } from '../../../src/engine/wait-time.js';
import { CountingRecorder } from './counting-recorder.js';
import { VirtualClock } from './virtual-clock.js';

export interface Event {
  id: number;
  at: number;
}

export interface HarnessOptions {
  users?: number;
  spawnRate?: number;
  durationMs?: number | null;
  iterations?: number | null;
  gracefulStopMs?: number;
  wait?: WaitTime;
  task?: TaskFunction<object, unknown>;
  onStart?: TaskFunction<object, unknown>;
  segment?: ExecutionSegment;
  /** Another executor instead of the default RampingUsersExecutor. */
  executor?: Executor;
  /** Receives the executor's phases. */
  onPhase?: (label: string, users: number | undefined) => void;
  /** The clock's time when the run starts (0 unless a test needs a float origin). */
  clockStart?: number;
  /** Another virtual clock (one that can jump, say) instead of a new one. */
  clock?: VirtualClock;
}

export function harness(options: HarnessOptions = {}) {
  const clock = options.clock ?? new VirtualClock(options.clockStart);
  const recorder = new CountingRecorder();
  const starts: Event[] = [];
  const tasks: Event[] = [];
  const stops: Event[] = [];
  const spec: UserClassSpec = {
    name: 'Walker',
    weight: 1,
    wait: options.wait ?? constant('1s'),
    sequential: false,
    onStart:
      options.onStart ??
      ((vu) => {
        starts.push({ id: vu.id, at: clock.now() });
      }),
    onStop: (vu) => {
      stops.push({ id: vu.id, at: clock.now() });
    },
    tasks: [
      {
        name: 'step',
        weight: 1,
        tags: [],
        run:
          options.task ??
          ((vu) => {
            tasks.push({ id: vu.id, at: clock.now() });
          }),
      },
    ],
  };
  const engine = new LoadEngine({
    scenario: { name: '', classes: [spec] },
    executor:
      options.executor ??
      new RampingUsersExecutor(
        {
          users: options.users ?? 4,
          spawnRate: options.spawnRate ?? 2,
          durationMs: options.durationMs === undefined ? null : options.durationMs,
        },
        options.segment,
      ),
    recorder,
    userMix: new Uint16Array([0]),
    data: undefined,
    iterations: options.iterations ?? null,
    budgetUsers: options.users ?? 4,
    gracefulStopMs: options.gracefulStopMs ?? 30_000,
    http: { timeoutMs: 1000, headers: {}, connections: 1, maxRedirects: 10, insecure: false, discardBody: false },
    seed: 1,
    clock,
    ...(options.segment === undefined ? {} : { segment: options.segment }),
    ...(options.onPhase === undefined ? {} : { onPhase: options.onPhase }),
  });
  let outcome: EngineOutcome | undefined;
  const run = engine.run().then((result) => {
    outcome = result;
    return result;
  });
  return { clock, recorder, engine, starts, tasks, stops, run, outcome: () => outcome };
}

export const byTime = (a: Event, b: Event): number => a.at - b.at || a.id - b.id;

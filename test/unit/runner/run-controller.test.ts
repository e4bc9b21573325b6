/**
 * The run controller's phases on a virtual clock: prepare (in the constructor) compiles or
 * throws at once; start runs setup() and builds the driver; tick merges snapshots, feeds live
 * outputs and aborts on failing abortOnFail thresholds; finish runs teardown() and builds the
 * Result. Time moves only when the test moves it, so a 3-second run takes milliseconds.
 */

import { describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';
import type { LoadChange, LoadDriver } from '../../../src/engine/load-driver.js';
import type { EngineOutcome, EngineState, StopReason } from '../../../src/engine/load-engine.js';
import {
  markScenario,
  markUser,
  type ScenarioDefinition,
  type UserDefinition,
} from '../../../src/engine/scenario-definition.js';
import { constant } from '../../../src/engine/wait-time.js';
import { isVolleyError } from '../../../src/errors.js';
import type { DecodedSnapshot } from '../../../src/metrics/decoded-snapshot.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import type { Result } from '../../../src/metrics/result.js';
import type { LiveProgress, Output, RunStartInfo } from '../../../src/outputs/output.js';
import { RunController, type RunControllerDeps } from '../../../src/runner/run-controller.js';
import { scenarioLayer } from '../../../src/runner/scenario-options.js';
import { startRun, type RunRequest } from '../../../src/runner/start-run.js';
import { VirtualClock } from '../engine/virtual-clock.js';

/** Records what the controller told it, in order. */
class SpyOutput implements Output {
  readonly name = 'spy';
  readonly events: string[] = [];
  started: RunStartInfo | undefined;
  readonly progress: LiveProgress[] = [];
  ended: Result | undefined;
  onStart(info: RunStartInfo): void {
    this.events.push('start');
    this.started = info;
  }
  onProgress(progress: LiveProgress): void {
    this.events.push('progress');
    this.progress.push(progress);
  }
  onEnd(result: Result): void {
    this.events.push('end');
    this.ended = result;
  }
}

function scenarioOf(definition: Omit<ScenarioDefinition, 'users'> & { task?: () => unknown }): ScenarioDefinition {
  const user: UserDefinition = {
    name: 'Walker',
    wait: constant(1),
    tasks: { walk: definition.task ?? (() => undefined) },
  };
  const { task: _task, ...rest } = definition;
  return markScenario<ScenarioDefinition>({ users: [markUser(user)], ...rest });
}

function requestFor(scenario: ScenarioDefinition, output: Output): RunRequest {
  return {
    scenario,
    file: null,
    options: resolveRunOptions([scenarioLayer(scenario, 'scenario')]),
    outputs: [output],
  };
}

function virtualDeps(clock: VirtualClock, extra: RunControllerDeps = {}): RunControllerDeps {
  return { clock, epochNow: () => clock.now(), dateNow: () => Date.UTC(2026, 0, 1), ...extra };
}

/** Moves the clock a second at a time, ticking as the controller's own schedule would. */
async function tickThrough(controller: RunController, clock: VirtualClock, until: Promise<unknown>): Promise<void> {
  let done = false;
  void until.then(() => {
    done = true;
  });
  for (let second = 0; second < 120 && !done; second++) {
    await clock.advanceBy(1000);
    if (!done) controller.tick();
  }
}

describe('RunController: prepare', () => {
  it('compiles the scenario into units and thresholds before anything runs', () => {
    const scenario = scenarioOf({ load: { users: 2, duration: '3s' }, thresholds: ['failures<1'] });
    const controller = new RunController(requestFor(scenario, new SpyOutput()), virtualDeps(new VirtualClock()));
    expect(controller.plan.units).toHaveLength(1);
    expect(controller.plan.units[0]?.classes.map((spec) => spec.name)).toEqual(['Walker']);
    expect(controller.plan.thresholds.map((spec) => spec.expression)).toEqual(['failures<1']);
    expect(controller.plan.tickMs).toBe(1000);
    expect(controller.state).toEqual({ phase: 'idle' });
  });

  it('throws at once on a scenario it cannot run, before setup()', () => {
    let setupRan = false;
    const scenario = markScenario<ScenarioDefinition>({
      users: [],
      setup: () => {
        setupRan = true;
      },
    });
    const request = requestFor(scenario, new SpyOutput());
    expect(() => startRun(request, virtualDeps(new VirtualClock()))).toThrow(/no users/);
    try {
      new RunController(request);
    } catch (error) {
      expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_SCENARIO');
    }
    expect(setupRan).toBe(false);
  });
});

describe('RunController: start → tick → finish on the virtual clock', () => {
  it('runs a 3 s load in phases and builds its Result', async () => {
    const clock = new VirtualClock(5000);
    const output = new SpyOutput();
    const hooks: string[] = [];
    const scenario = scenarioOf({
      load: { users: 2, spawnRate: 2, duration: '3s' },
      setup: () => {
        hooks.push('setup');
        return { token: 't' };
      },
      teardown: (data) => {
        hooks.push(`teardown ${JSON.stringify(data)}`);
      },
    });
    const controller = new RunController(requestFor(scenario, output), virtualDeps(clock));

    const driver = await controller.start();
    expect(hooks).toEqual(['setup']);
    expect(output.started).toMatchObject({ plannedDurationMs: 3000, plannedUsers: 2, startedAt: '2026-01-01T00:00:00.000Z' });
    const outcome = driver.run();
    await clock.advanceBy(1000);
    controller.tick();
    expect(output.progress.at(-1)).toMatchObject({ users: 2, phase: 'running', plannedDurationMs: 3000 });
    expect(controller.state.phase).toBe('running');

    await tickThrough(controller, clock, outcome);
    const result = await controller.finish(await outcome);

    expect(hooks).toEqual(['setup', 'teardown {"token":"t"}']);
    expect(output.events[0]).toBe('start');
    expect(output.events.at(-1)).toBe('end');
    expect(output.ended).toBe(result);
    expect(result.ok).toBe(true);
    expect(result.outcome).toBe('passed');
    expect(result.durationMs).toBe(3000);
    expect(result.totals.iterations).toBeGreaterThanOrEqual(6);
    expect(controller.state.phase).toBe('finished');
  });

  it('applies a stop asked for before the start as soon as the driver exists', async () => {
    const clock = new VirtualClock();
    const scenario = scenarioOf({ load: { users: 1, duration: '1h' } });
    const controller = new RunController(requestFor(scenario, new SpyOutput()), virtualDeps(clock));
    controller.stop();
    const driver = await controller.start();
    const outcome = driver.run();
    await tickThrough(controller, clock, outcome);
    expect(await outcome).toEqual({ reason: 'interrupted', killed: false });
    const result = await controller.finish(await outcome);
    expect(result.outcome).toBe('aborted');
  });
});

/** A driver the test feeds by hand: each recorded request lands in the next collect(). */
class HandDriver implements LoadDriver {
  readonly recorder: IntervalRecorder;
  readonly stops: StopReason[] = [];
  private phase: EngineState['phase'] = 'idle';
  private finishRun: (outcome: EngineOutcome) => void = () => undefined;
  readonly plannedDurationMs = 10_000;
  readonly maxUsers = 1;
  readonly activeUsers = 1;

  constructor(clock: VirtualClock) {
    this.recorder = new IntervalRecorder({ now: () => clock.now() });
  }
  get state(): EngineState {
    if (this.phase === 'idle') return { phase: 'idle' };
    if (this.phase === 'running') return { phase: 'running', startedAt: 0 };
    if (this.phase === 'stopping') return { phase: 'stopping', startedAt: 0, reason: this.stops[0] ?? 'interrupted' };
    return { phase: 'finished', startedAt: 0, reason: this.stops[0] ?? 'completed', killed: false };
  }
  run(): Promise<EngineOutcome> {
    this.phase = 'running';
    return new Promise((resolve) => {
      this.finishRun = resolve;
    });
  }
  collect(): DecodedSnapshot[] {
    return [this.recorder.flushDecoded(this.activeUsers, null)];
  }
  readonly changes: LoadChange[] = [];
  changeLoad(change: LoadChange): void {
    this.changes.push(change);
  }
  stop(reason: StopReason): void {
    this.stops.push(reason);
    this.phase = 'finished';
    this.finishRun({ reason, killed: false });
  }
  async kill(reason: StopReason): Promise<void> {
    this.stop(reason);
  }
  /** Records `count` requests, failed or not. */
  requests(count: number, failed: boolean): void {
    const endpoint = this.recorder.endpoint(this.recorder.scope('', 'Walker', []), 'GET', '/');
    for (let i = 0; i < count; i++) this.recorder.record(endpoint, 1000, 500, failed ? 500 : 200, 10, 10, failed);
  }
}

describe('RunController: tick', () => {
  it('stops the run on a failing abortOnFail threshold, and the Result says which', async () => {
    const clock = new VirtualClock();
    const hand = new HandDriver(clock);
    const scenario = scenarioOf({
      load: { users: 1, duration: '10s' },
      thresholds: [{ errorRate: '<10%', abortOnFail: true }],
    });
    const controller = new RunController(
      requestFor(scenario, new SpyOutput()),
      virtualDeps(clock, { chooseDriver: async () => ({ driver: hand, workers: 1, bundle: null }) }),
    );
    const driver = await controller.start();
    const outcome = driver.run();
    hand.requests(10, false);
    await clock.advanceBy(1000);
    controller.tick();
    expect(hand.stops).toEqual([]);
    hand.requests(10, true);
    await clock.advanceBy(1000);
    controller.tick();
    expect(hand.stops).toEqual(['threshold']);
    const result = await controller.finish(await outcome);
    expect(result.outcome).toBe('aborted');
    expect(result.abortReason).toMatch(/errorRate/);
    expect(result.totals.requests).toBe(20);
  });

  it('ticks on its own schedule when run whole, and ends with the driver', async () => {
    const clock = new VirtualClock();
    const hand = new HandDriver(clock);
    const output = new SpyOutput();
    const controller = new RunController(
      requestFor(scenarioOf({ load: { users: 1, duration: '10s' } }), output),
      virtualDeps(clock, { chooseDriver: async () => ({ driver: hand, workers: 1, bundle: null }) }),
    );
    const result = controller.launch().result;
    await clock.advanceBy(3000);
    expect(output.progress).toHaveLength(3);
    hand.stop('duration');
    expect((await result).durationMs).toBe(3000);
    expect(output.events.filter((event) => event === 'progress')).toHaveLength(4);
  });
});

describe('RunController: the web UI’s controls', () => {
  function handRun(load: ScenarioDefinition['load']): { clock: VirtualClock; hand: HandDriver; controller: RunController } {
    const clock = new VirtualClock();
    const hand = new HandDriver(clock);
    const controller = new RunController(
      requestFor(scenarioOf({ load }), new SpyOutput()),
      virtualDeps(clock, { chooseDriver: async () => ({ driver: hand, workers: 1, bundle: null }) }),
    );
    return { clock, hand, controller };
  }

  it('resets the statistics: the Result covers the run from the reset, and says so', async () => {
    const { clock, hand, controller } = handRun({ users: 1, duration: '10s' });
    const outcome = (await controller.start()).run();
    hand.requests(10, false);
    await clock.advanceBy(1000);
    controller.tick();
    expect(controller.aggregate.requests).toBe(10);
    controller.resetStats('from a test');
    expect(controller.aggregate.requests).toBe(0);
    hand.requests(5, true);
    await clock.advanceBy(1000);
    controller.tick();
    expect(controller.resultSoFar()?.totals.requests).toBe(5);
    hand.stop('interrupted');
    const result = await controller.finish(await outcome);
    expect(result.totals.requests).toBe(5);
    expect(result.totals.failures).toBe(5);
    // Rates count from the reset: 5 requests over the last second.
    expect(result.totals.rps).toBe(5);
    expect(result.warnings).toContain('Statistics were reset at 1s from a test: the figures cover the run from then on.');
  });

  it('changes the users of a plain users load, and the Result’s load says so', async () => {
    const { clock, hand, controller } = handRun({ users: 1, duration: '10s' });
    expect(() => controller.changeLoad({ users: 3, spawnRate: 1 })).toThrow(/only while the run is running/);
    const outcome = (await controller.start()).run();
    await clock.advanceBy(2000);
    controller.changeLoad({ users: 3, spawnRate: 1 }, 'from a test');
    expect(hand.changes).toEqual([{ users: 3, spawnRate: 1 }]);
    hand.stop('interrupted');
    const result = await controller.finish(await outcome);
    expect(result.load?.description).toBe('1 user at 1/s for 10s, changed to 3 users at 1/s at 2s');
    expect(result.load?.users).toBe(3);
    expect(result.warnings).toContain('Users changed to 3 (at 1/s) at 2s from a test.');
  });

  it('refuses to change a load that is not a plain number of users', async () => {
    const { hand, controller } = handRun({ stages: [{ duration: '10s', target: 2 }] });
    void (await controller.start()).run();
    expect(() => controller.changeLoad({ users: 3, spawnRate: 1 })).toThrow(/only a load of a plain number of users/);
    expect(hand.changes).toEqual([]);
    hand.stop('interrupted');
  });
});

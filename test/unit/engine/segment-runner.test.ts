/**
 * SegmentRunner: one worker's segment of the load in this process, with no wire in between: it
 * hands its snapshots to the caller and ends with the engines' outcome.
 */

import { describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';
import { markScenario, markUser, type ScenarioDefinition } from '../../../src/engine/scenario-definition.js';
import { SegmentRunner, type SegmentWork } from '../../../src/engine/segment-runner.js';
import { constant } from '../../../src/engine/wait-time.js';
import type { Snapshot } from '../../../src/metrics/snapshot.js';

function work(scenario: ScenarioDefinition, segment = { index: 0, weights: [1] }): SegmentWork {
  return {
    scenario,
    exports: {},
    origin: 'test',
    options: resolveRunOptions([]),
    explicit: new Set(),
    profiles: {},
    worker: 3,
    segment,
    data: undefined,
    originMs: performance.timeOrigin + performance.now(),
    tickMs: 1000,
    discardBodies: true,
  };
}

describe('SegmentRunner', () => {
  it('runs its share of the iterations and ends with a last snapshot of no users', async () => {
    let ran = 0;
    const user = markUser({ name: 'Counter', wait: constant(0), tasks: [() => void ran++] });
    const scenario = markScenario<ScenarioDefinition>({ users: [user], load: { users: 2, iterations: 10 } });
    const snapshots: Snapshot[] = [];
    const runner = new SegmentRunner(work(scenario, { index: 0, weights: [1, 1] }), {
      snapshot: (snapshot) => snapshots.push(snapshot),
      phase: () => undefined,
    });
    const outcome = await runner.run();
    expect(outcome).toEqual({ reason: 'completed', killed: false });
    expect(ran).toBe(5);
    expect(snapshots.at(-1)).toMatchObject({ users: 0, worker: 3 });
  });

  it('refuses a scenario it cannot compile before anything runs', () => {
    const scenario = markScenario<ScenarioDefinition>({ users: [] });
    expect(() => new SegmentRunner(work(scenario), { snapshot: () => undefined, phase: () => undefined })).toThrow(
      /no users/,
    );
  });
});

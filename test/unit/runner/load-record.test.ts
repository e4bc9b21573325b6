/**
 * loadRecord / appliedOptions: the load a result records is the load that ran, per scenario,
 * whatever replaced the -u / -r options (the scenario's load, stages, a rate).
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type RunOptions } from '../../../src/config/run-options.js';
import type { LoadPlan } from '../../../src/engine/executors/load-plan.js';
import { appliedOptions, loadRecord } from '../../../src/runner/load-record.js';
import type { ScenarioUnit } from '../../../src/engine/scenario-units.js';

const options = { ...DEFAULT_OPTIONS, spawnRate: 1 } as RunOptions;
const unit = (name: string, plan: LoadPlan, iterations: number | null = null): ScenarioUnit => ({
  name,
  host: undefined,
  classes: [],
  load: { plan, iterations },
  startTimeMs: 0,
});

describe('loadRecord', () => {
  it('records a scenario file load of 100 users, and the options say 100, not the default 1', () => {
    const load = loadRecord([unit('', { executor: 'ramping-users', users: 100, spawnRate: 10, durationMs: 60_000 })]);
    expect(load).toEqual({
      executor: 'ramping-users',
      description: '100 users at 10/s for 60s',
      users: 100,
      scenarios: [
        {
          scenario: '',
          executor: 'ramping-users',
          description: '100 users at 10/s for 60s',
          users: 100,
          spawnRate: 10,
          durationMs: 60_000,
        },
      ],
    });
    expect(appliedOptions(options, load)).toMatchObject({ users: 100, spawnRate: 10, durationMs: 60_000 });
  });

  it('records stages and rates per scenario, and the peak users of all of them', () => {
    const load = loadRecord([
      unit('browse', { executor: 'ramping-users-stages', startUsers: 0, stages: [{ durationMs: 10_000, target: 40 }] }),
      unit('buy', {
        executor: 'constant-arrival-rate',
        startRate: 50,
        stages: [{ durationMs: 30_000, target: 50 }],
        preAllocatedUsers: 10,
        maxUsers: 20,
        distribution: 'even',
      }),
    ]);
    expect(load.users).toBe(60);
    expect(load.scenarios.map((s) => [s.scenario, s.executor, s.users])).toEqual([
      ['browse', 'ramping-users-stages', 40],
      ['buy', 'constant-arrival-rate', 20],
    ]);
    expect(load.scenarios[1]).toMatchObject({ rate: 50, maxUsers: 20, distribution: 'even' });
    expect(appliedOptions(options, load)).toMatchObject({ users: 60, spawnRate: 1 });
  });
});

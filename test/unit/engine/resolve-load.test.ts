/**
 * Which load a run gets from the scenario's `load`, a profile and flags: every flag a user typed
 * either changes the plan or stops the run with a message naming it, never silently ignored.
 */

import { describe, expect, it } from 'vitest';
import type { LoadDefinition } from '../../../src/engine/scenario-definition.js';
import { DEFAULT_OPTIONS, type OptionName, type RunOptions } from '../../../src/config/run-options.js';
import { resolveLoad } from '../../../src/engine/resolve-load.js';

function resolve(load: LoadDefinition | undefined, flags: Partial<RunOptions> = {}) {
  const options = { ...DEFAULT_OPTIONS, spawnRate: 1, ...flags } as RunOptions;
  return resolveLoad({
    load,
    options,
    explicit: new Set(Object.keys(flags) as OptionName[]),
    origin: 'load.ts',
  });
}

const stages: LoadDefinition = {
  stages: [
    { duration: '10s', target: 40 },
    { duration: '1m', target: 100 },
    { duration: '20s', target: 0 },
  ],
};

describe('resolveLoad', () => {
  it("takes Locust's form from the scenario, each number overridden by its own flag", () => {
    expect(resolve({ users: 20, spawnRate: 5, duration: '1m' }).plan).toEqual({
      executor: 'ramping-users',
      users: 20,
      spawnRate: 5,
      durationMs: 60_000,
    });
    expect(resolve({ users: 20, spawnRate: 5, duration: '1m' }, { durationMs: 5_000 }).plan).toEqual({
      executor: 'ramping-users',
      users: 20,
      spawnRate: 5,
      durationMs: 5_000,
    });
  });

  it('runs stages as they are when no users flag is given', () => {
    const { plan } = resolve(stages);
    expect(plan.executor).toBe('ramping-users-stages');
  });

  it('replaces stages with a plain ramp to their peak when -t is given', () => {
    expect(resolve(stages, { durationMs: 4_000 }).plan).toEqual({
      executor: 'ramping-users',
      users: 100,
      spawnRate: 100,
      durationMs: 4_000,
    });
  });

  it('replaces stages with -u / -r, keeping their total length', () => {
    expect(resolve(stages, { users: 30, spawnRate: 10 }).plan).toEqual({
      executor: 'ramping-users',
      users: 30,
      spawnRate: 10,
      durationMs: 90_000,
    });
  });

  it('replaces a step load with a plain ramp to its highest step', () => {
    const steps: LoadDefinition = { steps: 4, from: 10, to: 40, stepDuration: '30s' };
    expect(resolve(steps, { spawnRate: 2 }).plan).toEqual({
      executor: 'ramping-users',
      users: 40,
      spawnRate: 2,
      durationMs: 120_000,
    });
  });

  it('needs -u to replace a shape, whose peak it cannot know', () => {
    const shape: LoadDefinition = { shape: () => null };
    expect(() => resolve(shape, { durationMs: 1_000 })).toThrow(
      "-t/--run-time: load.ts's load is a shape; give -u too to replace it with a plain ramp",
    );
    expect(resolve(shape, { users: 5, durationMs: 1_000 }).plan).toEqual({
      executor: 'ramping-users',
      users: 5,
      spawnRate: 5,
      durationMs: 1_000,
    });
  });

  it('refuses users flags on an arrival-rate load, naming the flags that fit', () => {
    const open: LoadDefinition = { rate: '50/s', duration: '1m' };
    expect(() => resolve(open, { users: 10 })).toThrow(
      "-u/--users: load.ts's load is an arrival rate, which starts users as needed; use --rate or --max-users instead",
    );
    // -t still shortens a constant arrival rate.
    const { plan } = resolve(open, { durationMs: 2_000 });
    expect(plan.executor).toBe('constant-arrival-rate');
    expect(plan.executor === 'constant-arrival-rate' && plan.stages).toEqual([{ durationMs: 2_000, target: 50 }]);
  });

  it('reports a bad stage of a replaced curve once, naming where it is', () => {
    const broken = { stages: [{ duration: 'soon', target: 5 }] } as unknown as LoadDefinition;
    expect(() => resolve(broken, { users: 3 })).toThrow(/^load\.ts load\.stages\[0\]\.duration: expected a duration, got soon$/);
  });
});

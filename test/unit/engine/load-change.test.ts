/**
 * Changing a running closed-model load (the web UI's Edit): the plan after a new count
 * (retargetStages), and a real engine against a loopback server ramping 4 → 8 → 2 users.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';
import { retargetStages } from '../../../src/engine/executors/retarget-stages.js';
import { planUserIntervals } from '../../../src/engine/executors/user-intervals.js';
import { LocalDriver } from '../../../src/engine/local-driver.js';
import { markScenario, markUser, type ScenarioDefinition } from '../../../src/engine/scenario-definition.js';
import { compileUnits } from '../../../src/engine/scenario-units.js';
import { WHOLE } from '../../../src/engine/segment.js';
import type { VuContext } from '../../../src/engine/vu-context.js';
import { constant } from '../../../src/engine/wait-time.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { type LoopbackServer, startServer } from '../../helpers/loopback-server.js';
import { byTime, harness } from './engine-harness.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => setTimeout(() => res.end('ok'), 5));
});
afterAll(() => server.close());

/** Polls until `check` holds (a busy machine may be slow to ramp; nothing here is timed tightly). */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function driverFor(load: ScenarioDefinition['load']): LocalDriver {
  const user = markUser({ name: 'Walker', wait: constant(0.01), tasks: [({ http }: VuContext) => http.get('/')] });
  const scenario = markScenario<ScenarioDefinition>({ users: [user], load });
  const options = { ...resolveRunOptions([]), host: server.url };
  const { units } = compileUnits({ scenario, exports: {}, options, explicit: new Set(), profiles: undefined, origin: 'test' });
  return new LocalDriver({
    units,
    recorder: new IntervalRecorder({ now: () => performance.now() }),
    data: undefined,
    options,
    segment: WHOLE,
    discardBodies: true,
    onPhase: () => undefined,
  });
}

describe('retargetStages', () => {
  it('keeps the stages up to the change, then ramps from the level reached to the new count', () => {
    // 10 users at 2/s: at 2 s the level is 4; on to 8 at 4/s takes 1 s.
    const stages = retargetStages([{ durationMs: 5000, target: 10 }], 0, 2000, 8, 4);
    expect(stages).toEqual([
      { durationMs: 2000, target: 4 },
      { durationMs: 1000, target: 8 },
    ]);
    // Held at 8 since 3 s; down to 2 at 3/s from 10 s: user i stops as the level falls to i, newest first.
    const down = retargetStages(stages, 0, 10_000, 2, 3);
    const intervals = planUserIntervals(down);
    expect(intervals.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const stops = intervals.filter((i) => i.stopMs !== null).map((i) => [i.index, Math.round(i.stopMs ?? 0)]);
    expect(stops.reverse()).toEqual([
      [7, 10_333],
      [6, 10_667],
      [5, 11_000],
      [4, 11_333],
      [3, 11_667],
      [2, 12_000],
    ]);
  });

  it('jumps when the rate is instant', () => {
    expect(retargetStages([{ durationMs: 0, target: 3 }], 0, 1000, 5, Infinity).at(-1)).toEqual({ durationMs: 0, target: 5 });
  });
});

describe('LocalDriver.changeLoad', () => {
  it('ramps a running load from 4 to 8 to 2 users, and the active users follow', async () => {
    const driver = driverFor({ users: 4, spawnRate: 100, duration: '60s' });
    const outcome = driver.run();
    await until(() => driver.activeUsers === 4, '4 users');
    driver.changeLoad({ users: 8, spawnRate: 100 });
    await until(() => driver.activeUsers === 8, '8 users');
    driver.changeLoad({ users: 2, spawnRate: 100 });
    await until(() => driver.activeUsers === 2, '2 users');
    driver.stop('interrupted');
    expect(await outcome).toEqual({ reason: 'interrupted', killed: false });
    expect(server.hits.get('/') ?? 0).toBeGreaterThan(0);
  }, 30_000);

  it('refuses a load that is not a plain number of users', async () => {
    const driver = driverFor({ stages: [{ duration: '30s', target: 2 }] });
    const outcome = driver.run();
    expect(() => driver.changeLoad({ users: 3, spawnRate: 1 })).toThrow(/plain number of users/);
    driver.stop('interrupted');
    await outcome;
  });

  it('refuses once the run is no longer running', async () => {
    const driver = driverFor({ users: 1, spawnRate: 10, duration: '30s' });
    const outcome = driver.run();
    driver.stop('interrupted');
    await outcome;
    expect(() => driver.changeLoad({ users: 3, spawnRate: 1 })).toThrow(/only while the run is running/);
  });
});

describe('RampingUsersExecutor.changeUsers on a virtual clock', () => {
  it('starts the missing users at the new rate, then stops the newest first, on schedule', async () => {
    // 4 users at 2/s: users 0 and 1 have started just before 1 s; from there, 4 more at 4/s.
    const h = harness({ users: 4, spawnRate: 2 });
    await h.clock.advanceTo(999);
    expect(h.engine.changeUsers(6, 4)).toBe(true);
    await h.clock.advanceTo(2000);
    expect(h.engine.activeUsers).toBe(6);
    expect(h.starts.sort(byTime).map((s) => Math.round(s.at))).toEqual([
      0, 500, 1000, 1250, 1500, 1750,
    ]);
    // Down to 1 at 2/s from 3 s: user i stops as the level falls to i.
    await h.clock.advanceTo(3000);
    h.engine.changeUsers(1, 2);
    await h.clock.advanceTo(4100);
    expect(h.engine.activeUsers).toBe(4);
    await h.clock.advanceTo(6000);
    expect(h.engine.activeUsers).toBe(1);
    h.engine.stop('interrupted');
    await h.clock.advanceTo(7000);
    expect(await h.run).toEqual({ reason: 'interrupted', killed: false });
  });

  it('runs this segment’s share of the new count', async () => {
    const h = harness({ users: 2, spawnRate: 100, segment: { index: 0, weights: [1, 1] } });
    await h.clock.advanceTo(1000);
    expect(h.engine.activeUsers).toBe(1);
    h.engine.changeUsers(6, 100);
    await h.clock.advanceTo(2000);
    expect(h.engine.activeUsers).toBe(3);
    h.engine.changeUsers(1, 100);
    await h.clock.advanceTo(3000);
    expect(h.engine.activeUsers).toBe(1);
    h.engine.stop('interrupted');
    await h.clock.advanceTo(4000);
    await h.run;
  });
});

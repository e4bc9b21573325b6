/**
 * LocalDriver on a virtual clock: every scenario's engine in this process, each started after its
 * start time, with one state, one outcome and one stop for all.
 */

import { describe, expect, it } from 'vitest';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';
import { LocalDriver } from '../../../src/engine/local-driver.js';
import { markScenario, markUser, type ScenarioDefinition } from '../../../src/engine/scenario-definition.js';
import { compileUnits } from '../../../src/engine/scenario-units.js';
import { WHOLE } from '../../../src/engine/segment.js';
import { constant } from '../../../src/engine/wait-time.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { VirtualClock } from './virtual-clock.js';

function driverFor(clock: VirtualClock, phases: string[] = []): LocalDriver {
  const user = markUser({ name: 'Walker', wait: constant(1), tasks: [() => undefined] });
  const scenario = markScenario<ScenarioDefinition>({
    scenarios: {
      first: { users: [user], load: { users: 1, duration: '3s' } },
      second: { users: [user], load: { users: 1, duration: '3s' }, startTime: '2s' },
    },
  });
  const options = resolveRunOptions([]);
  const { units } = compileUnits({ scenario, exports: {}, options, explicit: new Set(), profiles: undefined, origin: 'test' });
  return new LocalDriver({
    units,
    recorder: new IntervalRecorder({ now: () => clock.now() }),
    data: undefined,
    options,
    segment: WHOLE,
    discardBodies: true,
    clock,
    onPhase: (label) => phases.push(label),
  });
}

describe('LocalDriver', () => {
  it('plans the whole load: the latest end, every scenario’s users', () => {
    const driver = driverFor(new VirtualClock());
    expect(driver.plannedDurationMs).toBe(5000);
    expect(driver.maxUsers).toBe(2);
    expect(driver.state).toEqual({ phase: 'idle' });
  });

  it('starts each scenario after its start time and ends when the last one does', async () => {
    const clock = new VirtualClock();
    const driver = driverFor(clock);
    const outcome = driver.run();
    await clock.advanceTo(1000);
    expect(driver.activeUsers).toBe(1);
    expect(driver.state.phase).toBe('running');
    await clock.advanceTo(2500);
    expect(driver.activeUsers).toBe(2);
    await clock.advanceTo(6000);
    expect(await outcome).toEqual({ reason: 'duration', killed: false });
    expect(driver.state.phase).toBe('finished');
    const [snapshot] = driver.collect();
    expect(snapshot?.snapshot.users).toBe(0);
  });

  it('stops every engine, and one not started yet never starts', async () => {
    const clock = new VirtualClock();
    const driver = driverFor(clock);
    const outcome = driver.run();
    await clock.advanceTo(1000);
    driver.stop('interrupted');
    expect(driver.state.phase).not.toBe('running');
    await clock.advanceTo(4000);
    expect(await outcome).toEqual({ reason: 'interrupted', killed: false });
    expect(driver.activeUsers).toBe(0);
  });
});

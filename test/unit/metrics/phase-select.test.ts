/**
 * `phase=` selectors: which phases a selector names, and the merged figures thresholds read for
 * them (every row of the phase, over the phase's own span).
 */

import { describe, expect, it } from 'vitest';
import { phaseMatches } from '../../../src/metrics/phase-stats.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

describe('phaseMatches', () => {
  it('takes the whole name, or its start up to / or :, after a named scenario prefix', () => {
    expect(phaseMatches('step 3/5: 30 users', 'step 3')).toBe(true);
    expect(phaseMatches('step 3/5: 30 users', 'step 3/5')).toBe(true);
    expect(phaseMatches('step 3/5: 30 users', 'step 3/5: 30 users')).toBe(true);
    expect(phaseMatches('smoke: step 3/5: 30 users', 'step 3')).toBe(true);
    expect(phaseMatches('step 3/5: 30 users', 'step 3/5: 30')).toBe(false);
    expect(phaseMatches('step 30/50: 3 users', 'step 3')).toBe(false);
    expect(phaseMatches('warm-up', 'warm')).toBe(false);
  });
});

describe('RunAggregate.select with phase=', () => {
  it('merges every row of the named phase, over its span, and nothing of the others', () => {
    const { recorder, at } = manualRecorder();
    const scope = recorder.scope('', 'Reader', []);
    const list = recorder.endpoint(scope, 'GET', '/items');
    const save = recorder.endpoint(scope, 'POST', '/items');
    const aggregate = new RunAggregate();
    // step 1: 1 s of fast reads; step 2: 2 s with slower reads and a failing save.
    for (let i = 0; i < 10; i++) recorder.record(list, 100, 1, 200, 0, 0, false);
    at(1000);
    aggregate.add(recorder.flush(1, 'step 1/2: 1 users'));
    for (let i = 0; i < 20; i++) recorder.record(list, 1000, 1, 200, 0, 0, false);
    recorder.record(save, 2000, 1, 500, 0, 0, true);
    at(2000);
    aggregate.add(recorder.flush(2, 'step 2/2: 2 users'));
    at(3000);
    aggregate.add(recorder.flush(2, 'step 2/2: 2 users'));

    const first = aggregate.select({ phase: 'step 1' });
    expect([first.rows, first.requests, first.failures, first.seconds]).toEqual([1, 10, 0, 1]);
    expect(first.latency?.max).toBe(0.1);
    const second = aggregate.select({ phase: 'step 2' });
    expect([second.rows, second.requests, second.failures, second.seconds]).toEqual([1, 21, 1, 2]);
    expect(second.latency?.percentile(50)).toBe(1);
    expect(aggregate.select({ phase: 'step 3' }).rows).toBe(0);
  });
});

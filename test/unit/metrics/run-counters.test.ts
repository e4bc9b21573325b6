/**
 * The run-level counters beside the rows, retries and decoded compressed bodies, are summed
 * across intervals and workers, and survive the wire between a remote worker and its coordinator.
 */

import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../../src/cluster/wire-schema.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

/** A worker's interval: `retries` retries and one decoded body per [wire, decoded] pair. */
function interval(retries: number, bodies: [number, number][]) {
  const { recorder, at } = manualRecorder();
  for (let i = 0; i < retries; i++) recorder.retry();
  for (const [wire, decoded] of bodies) recorder.bodyDecoded(wire, decoded);
  at(1000);
  return recorder.flush(1);
}

describe('run counters', () => {
  it('sum retries and decoded bodies across workers and intervals, then start again at zero', () => {
    const { recorder, at } = manualRecorder();
    recorder.retry();
    recorder.bodyDecoded(100, 400);
    at(1000);
    const first = recorder.flush(1);
    at(2000);
    const empty = recorder.flush(1);
    expect(empty.retries).toBe(0);
    expect(empty.decoded).toEqual({ bodies: 0, wireBytes: 0, bytes: 0 });

    const aggregate = new RunAggregate();
    for (const snapshot of [first, empty, interval(2, [[10, 30], [20, 50]])]) aggregate.add(snapshot);
    const { totals } = aggregate.measured(0, 2000);
    expect(totals.retries).toBe(3);
    expect(totals.decoded).toEqual({ bodies: 3, wireBytes: 130, bytes: 480 });
  });

  it('cross the wire to the coordinator unchanged', () => {
    const snapshot = interval(4, [[7, 21]]);
    const parsed = snapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)));
    expect(parsed.retries).toBe(4);
    expect(parsed.decoded).toEqual({ bodies: 1, wireBytes: 7, bytes: 21 });
  });
});

/**
 * The slowest-requests keeper: the N longest entries, slowest first, a floor that only rises,
 * ties with the floor left out, and merging two lists giving the top N of both.
 */

import { describe, expect, it } from 'vitest';
import {
  slowestForResult,
  SlowestRequests,
  type SnapshotSlowRequest,
} from '../../../src/metrics/slowest-requests.js';

function entry(latencyMs: number, atMs = 0): SnapshotSlowRequest {
  return { latencyMs, atMs, failed: false };
}

function latencies(keeper: SlowestRequests): number[] {
  return keeper.entries.map((e) => e.latencyMs);
}

describe('SlowestRequests', () => {
  it('keeps the N slowest, slowest first, whatever the order they come in', () => {
    const keeper = new SlowestRequests(3);
    for (const ms of [5, 1, 9, 3, 7, 2, 8]) keeper.offer(entry(ms));
    expect(latencies(keeper)).toEqual([9, 8, 7]);
  });

  it('has no floor until N are kept, then the smallest kept, rising only', () => {
    const keeper = new SlowestRequests(2);
    expect(keeper.floorMs).toBe(Number.NEGATIVE_INFINITY);
    expect(keeper.offer(entry(4))).toBe(true);
    expect(keeper.floorMs).toBe(Number.NEGATIVE_INFINITY);
    keeper.offer(entry(6));
    expect(keeper.floorMs).toBe(4);
    expect(keeper.offer(entry(3))).toBe(false);
    expect(keeper.floorMs).toBe(4);
    expect(keeper.offer(entry(10))).toBe(true);
    expect(keeper.floorMs).toBe(6);
  });

  it('leaves out a tie with the floor (the one met first stays), and orders ties by start', () => {
    const keeper = new SlowestRequests(2);
    const first = entry(5, 100);
    keeper.offer(entry(5, 300));
    keeper.offer(first);
    expect(keeper.entries.map((e) => e.atMs)).toEqual([100, 300]);
    expect(keeper.offer(entry(5, 50))).toBe(false);
    expect(keeper.holds(first)).toBe(true);
  });

  it('merges two lists into the top N of both', () => {
    const a = new SlowestRequests(3);
    const b = new SlowestRequests(3);
    for (const ms of [10, 40, 20, 70]) a.offer(entry(ms));
    for (const ms of [30, 60, 50, 5]) b.offer(entry(ms));
    const merged = new SlowestRequests(3);
    merged.merge(a.entries);
    merged.merge(b.entries);
    expect(latencies(merged)).toEqual([70, 60, 50]);
  });

  it('refuses a limit that is no whole number >= 1', () => {
    expect(() => new SlowestRequests(0)).toThrow(RangeError);
  });

  it('gives the Result the top N with ISO start times', () => {
    const started = Date.parse('2026-01-01T00:00:00.000Z');
    const shown = slowestForResult([entry(2, 1500), entry(9, 250), entry(4, 0)], started, 2);
    expect(shown).toEqual([
      { latencyMs: 9, startedAt: '2026-01-01T00:00:00.250Z', failed: false },
      { latencyMs: 4, startedAt: '2026-01-01T00:00:00.000Z', failed: false },
    ]);
  });
});

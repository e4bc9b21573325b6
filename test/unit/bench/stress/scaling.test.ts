import { describe, expect, it } from 'vitest';
import { ErrorGroups, MAX_ERROR_GROUPS, OTHER_ERRORS } from '../../../../src/bench/stress/error-groups.js';
import { scalingOf } from '../../../../src/bench/stress/scaling.js';

describe('scaling across levels', () => {
  it('compares each level with the lowest: throughput per worker and p95', () => {
    expect(
      scalingOf([
        { concurrency: 1, opsPerSec: 100, p95: 10 },
        { concurrency: 5, opsPerSec: 400, p95: 15 },
        { concurrency: 10, opsPerSec: 500, p95: 40 },
      ]),
    ).toEqual([
      { concurrency: 1, opsPerSec: 100, p95: 10, efficiency: 1, degradation: 1 },
      { concurrency: 5, opsPerSec: 400, p95: 15, efficiency: 0.8, degradation: 1.5 },
      { concurrency: 10, opsPerSec: 500, p95: 40, efficiency: 0.5, degradation: 4 },
    ]);
  });

  it('uses the lowest level as the base even when it is not 1 or not first', () => {
    const rows = scalingOf([
      { concurrency: 8, opsPerSec: 600, p95: 30 },
      { concurrency: 2, opsPerSec: 200, p95: 10 },
    ]);
    expect(rows.map((r) => [r.efficiency, r.degradation])).toEqual([
      [0.75, 3],
      [1, 1],
    ]);
  });

  it('has no ratios against a base that measured nothing', () => {
    const rows = scalingOf([
      { concurrency: 1, opsPerSec: 0, p95: 0 },
      { concurrency: 2, opsPerSec: 10, p95: 5 },
    ]);
    expect(rows[1]).toMatchObject({ efficiency: null, degradation: null });
  });
});

describe('error groups', () => {
  it('count errors by message, most frequent first, keeping the first occurrence', () => {
    const groups = new ErrorGroups();
    groups.add(new Error('timeout'), 0.5);
    groups.add(new TypeError('bad row'), 0.7);
    groups.add(new Error('timeout'), 0.9);
    groups.add('plain string', 1);
    expect(groups.list().map((g) => [g.message, g.name, g.count, g.firstAtS])).toEqual([
      ['timeout', 'Error', 2, 0.5],
      ['bad row', 'TypeError', 1, 0.7],
      ['plain string', 'string', 1, 1],
    ]);
  });

  it('cap distinct messages, counting the rest together', () => {
    const groups = new ErrorGroups();
    for (let i = 0; i < MAX_ERROR_GROUPS + 10; i++) groups.add(new Error(`id ${i} missing`), i);
    const list = groups.list();
    expect(list.length).toBe(MAX_ERROR_GROUPS + 1);
    expect(list.find((g) => g.message === OTHER_ERRORS)?.count).toBe(10);
    expect(list.reduce((sum, g) => sum + g.count, 0)).toBe(MAX_ERROR_GROUPS + 10);
  });
});

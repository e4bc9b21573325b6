/**
 * `feed()`: rows from CSV and JSON files and arrays, handed out in sequence, at random per user, or
 * uniquely, including unique across workers split by execution segments.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FeedCaller, feed, setFeedSegment } from '../../../../src/engine/feeds/feed.js';
import { Random } from '../../../../src/core/random.js';
import { type ExecutionSegment, evenSegments, WHOLE } from '../../../../src/engine/segment.js';
import { isVolleyError, type VolleyError } from '../../../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'volley-feed-'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
});
afterEach(() => {
  vi.restoreAllMocks();
  setFeedSegment(WHOLE);
  rmSync(dir, { recursive: true, force: true });
});

const vu = (id: number): FeedCaller => ({ id });

function usersCsv(count: number): string {
  const lines = ['email,password'];
  for (let i = 0; i < count; i++) lines.push(`user${i}@x.io,pw${i}`);
  return `${lines.join('\r\n')}\r\n`;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('feed sources', () => {
  it('reads a CSV file relative to the working directory, values as strings', () => {
    writeFileSync(join(dir, 'users.csv'), usersCsv(2));
    const users = feed('users.csv');
    expect(users.load()).toEqual([
      { email: 'user0@x.io', password: 'pw0' },
      { email: 'user1@x.io', password: 'pw1' },
    ]);
    expect(users.name).toBe('users.csv');
    expect(users.order).toBe('sequence');
  });

  it('reads an absolute path as it is, and a JSON array with its types', () => {
    const file = join(dir, 'items.json');
    writeFileSync(file, '[{"sku":"a","price":3},{"sku":"b","price":4.5}]');
    vi.spyOn(process, 'cwd').mockReturnValue('/nonexistent');
    const items = feed<{ sku: string; price: number }>(file);
    expect(items.next(vu(0))).toEqual({ sku: 'a', price: 3 });
    expect(items.next(vu(0)).price).toBe(4.5);
  });

  it('takes an array in memory, copied so later changes to it do not leak in', () => {
    const source = [{ n: 1 }, { n: 2 }];
    const rows = feed(source);
    source.push({ n: 3 });
    expect(rows.load()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(rows.name).toBe('array');
  });

  it('reads the file at first use, once', () => {
    const file = join(dir, 'late.csv');
    const late = feed('late.csv'); // no file yet: nothing is read at definition
    writeFileSync(file, 'id\n1\n2\n');
    expect(late.next(vu(0))).toEqual({ id: '1' });
    writeFileSync(file, 'id\n9\n9\n');
    rmSync(file);
    expect(late.next(vu(0))).toEqual({ id: '2' });
    expect(late.next(vu(0))).toEqual({ id: '1' });
  });

  it('fails a missing file with a coded error naming it, and keeps failing the same way', () => {
    const missing = feed('missing.csv');
    const error = thrown(() => missing.next(vu(0))) as VolleyError;
    expect(isVolleyError(error)).toBe(true);
    expect(error.code).toBe('VOLLEY_E_IO');
    expect(error.message).toBe(`feed missing.csv: cannot read ${join(dir, 'missing.csv')} (ENOENT)`);
    writeFileSync(join(dir, 'missing.csv'), 'id\n1\n');
    expect(thrown(() => missing.next(vu(0)))).toBe(error);
  });

  it('names the file and line of a parse error', () => {
    writeFileSync(join(dir, 'bad.csv'), 'a,b\n1,2\n3\n');
    const csv = thrown(() => feed('bad.csv').next(vu(0))) as VolleyError;
    expect(csv.message).toBe('feed bad.csv line 3: 1 field, but the header has 2');
    expect(csv.location).toEqual({ file: join(dir, 'bad.csv'), line: 3 });
    writeFileSync(join(dir, 'bad.json'), '[\n{"a": 1},\n{"a": 2,}\n]');
    const json = thrown(() => feed('bad.json').next(vu(0))) as VolleyError;
    expect(json.message).toMatch(/^feed bad\.json line 3: invalid JSON: /);
    expect(json.location?.line).toBe(3);
  });

  it('fails a file without rows', () => {
    writeFileSync(join(dir, 'empty.csv'), 'email\n');
    writeFileSync(join(dir, 'empty.json'), '[]');
    expect(() => feed('empty.csv').next(vu(0))).toThrow('feed empty.csv: no rows');
    expect(() => feed('empty.json').next(vu(0))).toThrow('feed empty.json: no rows');
  });

  it.each([
    ['another file type', () => feed('users.txt'), RangeError],
    ['an unknown order', () => feed([1], { order: 'shuffle' as 'random' }), RangeError],
    ['an empty array', () => feed([]), RangeError],
    ['something else', () => feed(42 as unknown as string[]), TypeError],
  ])('rejects %s at once', (_label, make, type) => {
    expect(make).toThrow(type);
  });
});

describe('feed orders', () => {
  const five = [0, 1, 2, 3, 4];

  it('sequence: round-robin over the rows, whoever asks', () => {
    const rows = feed(five, { order: 'sequence' });
    const seen = Array.from({ length: 12 }, (_, i) => rows.next(vu(i % 3)));
    expect(seen).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]);
  });

  it('random: each user draws from its own generator, reproducibly', () => {
    const a = feed(five, { order: 'random' });
    const b = feed(five, { order: 'random' });
    const drawsA = Array.from({ length: 50 }, () => a.next(vu(7)));
    // Another user's draws in between do not change user 7's sequence.
    const drawsB = Array.from({ length: 50 }, () => {
      b.next(vu(1));
      return b.next(vu(7));
    });
    expect(drawsB).toEqual(drawsA);
    const other = Array.from({ length: 50 }, () => a.next(vu(8)));
    expect(other).not.toEqual(drawsA);
  });

  it('random: uniform over the rows', () => {
    const rows = feed([0, 1, 2, 3], { order: 'random' });
    const counts = new Map<number, number>();
    for (let i = 0; i < 40_000; i++) {
      const row = rows.next(vu(i % 10));
      counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3]);
    // 10 000 expected each; 4 standard deviations is about 350.
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(350);
  });

  it('random: uses the caller’s own generator when it has one', () => {
    const rows = feed(five, { order: 'random' });
    const random = new Random(11);
    const twin = new Random(11);
    const caller = { id: 0, random: () => random.next() };
    for (let i = 0; i < 100; i++) expect(rows.next(caller)).toBe(Math.floor(twin.next() * 5));
  });

  it('unique: every row once, then a clear error', () => {
    writeFileSync(join(dir, 'users.csv'), usersCsv(100));
    const users = feed('users.csv', { order: 'unique' });
    const emails = Array.from({ length: 100 }, (_, i) => users.next(vu(i % 7)).email);
    expect(emails).toEqual(Array.from({ length: 100 }, (_, i) => `user${i}@x.io`));
    const error = thrown(() => users.next(vu(0)));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('feed users.csv: all 100 unique rows are used');
    expect(() => users.next(vu(1))).toThrow('all 100 unique rows are used');
  });

  it('forUser: the same row for a user every time, row vu.id around the list', () => {
    const rows = feed(five);
    expect(rows.forUser(vu(3))).toBe(3);
    expect(rows.forUser(vu(3))).toBe(3);
    expect(rows.forUser(vu(12))).toBe(2);
    const random = feed(five, { order: 'random' });
    expect(random.forUser(vu(6))).toBe(1);
  });

  it('forUser in unique order: row vu.id, an error past the last row, never mixed with next()', () => {
    const rows = feed(five, { order: 'unique', name: 'accounts' });
    expect(rows.forUser(vu(4))).toBe(4);
    expect(rows.forUser(vu(0))).toBe(0);
    expect(() => rows.forUser(vu(5))).toThrow('feed accounts: all 5 unique rows are used (user 5 has none)');
    expect(() => rows.next(vu(0))).toThrow(
      'feed accounts: in unique order, use next() or forUser(), not both',
    );
  });
});

describe('feeds split across workers', () => {
  /** Every worker's feed, each bound to its segment, drained until it throws. */
  function drain(segments: ExecutionSegment[], rows: number): { handed: number[][]; errors: string[] } {
    const data = Array.from({ length: rows }, (_, i) => i);
    const handed: number[][] = [];
    const errors: string[] = [];
    for (const segment of segments) {
      setFeedSegment(segment);
      const worker = feed(data, { order: 'unique', name: 'users.csv' });
      const mine: number[] = [];
      for (;;) {
        try {
          mine.push(worker.next(vu(0)));
        } catch (error) {
          errors.push((error as Error).message);
          break;
        }
      }
      handed.push(mine);
    }
    return { handed, errors };
  }

  it.each([
    ['three even workers', evenSegments(3)],
    ['weights 3:1:2', [0, 1, 2].map((index) => ({ index, weights: [3, 1, 2] }))],
  ])('unique over %s: the union is every row, with no row twice', (_label, segments) => {
    const { handed, errors } = drain(segments, 100);
    const all = handed.flat();
    expect(all.length).toBe(100);
    expect(new Set(all).size).toBe(100);
    expect([...all].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(
      errors.every((message) => message.startsWith('feed users.csv: all 100 unique rows are used')),
    ).toBe(true);
  });

  it('each worker gets its striped share, and says so when it runs out', () => {
    const { handed, errors } = drain(evenSegments(3), 10);
    expect(handed).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(errors).toEqual([
      "feed users.csv: all 10 unique rows are used (this worker's share: 4)",
      "feed users.csv: all 10 unique rows are used (this worker's share: 3)",
      "feed users.csv: all 10 unique rows are used (this worker's share: 3)",
    ]);
  });

  it('sequence walks the positions the worker owns, so workers start on different rows', () => {
    setFeedSegment({ index: 1, weights: [1, 1] });
    const rows = feed([0, 1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => rows.next(vu(0)))).toEqual([1, 3, 0, 2, 4, 1]);
  });

  it('a feed keeps the segment it started with', () => {
    setFeedSegment({ index: 0, weights: [1, 1] });
    const rows = feed([0, 1, 2, 3], { order: 'unique' });
    expect(rows.next(vu(0))).toBe(0);
    setFeedSegment(WHOLE);
    expect(rows.next(vu(0))).toBe(2);
    expect(() => rows.next(vu(0))).toThrow("all 4 unique rows are used (this worker's share: 2)");
  });

  it.each([
    ['an index past the weights', { index: 3, weights: [1, 1, 1] }],
    ['a negative index', { index: -1, weights: [1] }],
    ['a zero weight', { index: 0, weights: [1, 0] }],
    ['no weights', { index: 0, weights: [] }],
  ])('setFeedSegment rejects %s', (_label, segment) => {
    expect(() => setFeedSegment(segment)).toThrow(RangeError);
  });
});

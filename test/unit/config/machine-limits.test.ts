/**
 * Loads the machine cannot hold are refused at start with what it can do: users beyond the heap
 * (at a conservative cost per user) or beyond the open-files limit (a socket each).
 */

import { describe, expect, it } from 'vitest';
import { BYTES_PER_USER, checkUsersFit, RESERVED_FDS } from '../../../src/config/machine-limits.js';

const GB = 2 ** 30;

describe('checkUsersFit', () => {
  it('refuses more users than the heap holds, saying how many it holds', () => {
    const capacity = { fdLimit: null, heapLimitBytes: 4 * GB };
    expect(() => checkUsersFit(1_000_000_000, '-u', capacity)).toThrow(
      `holds about ${Math.floor((4 * GB) / BYTES_PER_USER).toLocaleString('en-US')} users`,
    );
  });

  it('refuses more users than open files allow, naming ulimit -n', () => {
    const capacity = { fdLimit: 1024, heapLimitBytes: 4 * GB };
    expect(() => checkUsersFit(2000, '-u', capacity)).toThrow(/may open 1,024 files \(ulimit -n\).*ulimit -n 2064/);
    expect(() => checkUsersFit(1024 - RESERVED_FDS, '-u', capacity)).not.toThrow();
    expect(() => checkUsersFit(1024 - RESERVED_FDS + 1, '-u', capacity)).toThrow(/at most 960 users/);
  });

  it('lets any count through where the open-files limit is unknown', () => {
    expect(() => checkUsersFit(50_000, '-u', { fdLimit: null, heapLimitBytes: 4 * GB })).not.toThrow();
  });
});

/**
 * `parseThresholds`: the object form (one spec per condition, expression text in string form,
 * options), mixed lists with strings, and collection of every problem into one error.
 */

import { describe, expect, it } from 'vitest';
import { isVolleyError, type VolleyError } from '../../../src/errors.js';
import { parseThresholds, type ThresholdDefinition } from '../../../src/thresholds/index.js';

function errorOf(defs: readonly unknown[], origin = 'scenario load/platform.ts'): VolleyError {
  try {
    parseThresholds(defs as ThresholdDefinition[], origin);
  } catch (error) {
    if (isVolleyError(error)) return error;
    throw error;
  }
  throw new Error('expected the thresholds to be rejected');
}

describe('object form', () => {
  it('gives one spec per metric key, sharing the selector', () => {
    const specs = parseThresholds([{ user: 'AuthUser', successRate: '>=99%', p95: '<=200ms' }], 'test');
    expect(specs).toEqual([
      {
        expression: 'AuthUser:successRate>=99%',
        filter: { user: 'AuthUser' },
        metric: { kind: 'rate', which: 'success' },
        op: '>=',
        value: 0.99,
        abortOnFail: false,
      },
      {
        expression: 'AuthUser:p95<=200ms',
        filter: { user: 'AuthUser' },
        metric: { kind: 'latency', stat: 'percentile', percentile: 95 },
        op: '<=',
        value: 200,
        abortOnFail: false,
      },
    ]);
  });

  it("writes a name selector as name=… and keeps 'METHOD path' in the filter", () => {
    const [spec] = parseThresholds([{ name: 'POST /api/v1/generation/create', p95: '<=500ms' }], 'test');
    expect(spec?.expression).toBe('name=POST /api/v1/generation/create:p95<=500ms');
    expect(spec?.filter).toEqual({ name: 'POST /api/v1/generation/create' });
  });

  it('writes several selector keys in a fixed order, the user bare', () => {
    const [spec] = parseThresholds(
      [{ tag: 'smoke', method: 'get', user: 'AuthUser', scenario: 's1', rps: '>1' }],
      't',
    );
    expect(spec?.expression).toBe('AuthUser,method=GET,tag=smoke,scenario=s1:rps>1');
    expect(spec?.filter).toEqual({ user: 'AuthUser', method: 'GET', tag: 'smoke', scenario: 's1' });
    const [spaced] = parseThresholds([{ user: 'Auth User', max: '<1s' }], 't');
    expect(spaced?.expression).toBe('user=Auth User:max<1s');
  });

  it('reads the expression back to the same spec', () => {
    const [spec] = parseThresholds([{ user: 'AuthUser', name: 'GET /items/:id', p95: '<300ms' }], 't');
    expect(spec?.expression).toBe('AuthUser,name=GET /items/:id:p95<300ms');
    const [again] = parseThresholds([spec?.expression as string], 't');
    expect(again?.filter).toEqual(spec?.filter);
    expect(again?.value).toBe(300);
  });

  it('with no selector the expression is the bare metric, spaces after the operator dropped', () => {
    const [spec] = parseThresholds([{ errorRate: ' <  1% ' }], 't');
    expect(spec?.expression).toBe('errorRate<1%');
    expect(spec?.filter).toEqual({});
    expect(spec?.value).toBeCloseTo(0.01, 12);
  });

  it('gives a spec per condition of an array', () => {
    const specs = parseThresholds([{ 'p(99.9)': ['<1s', '>1ms'] }], 't');
    expect(specs.map((s) => [s.expression, s.op, s.value])).toEqual([
      ['p(99.9)<1s', '<', 1000],
      ['p(99.9)>1ms', '>', 1],
    ]);
  });

  it('passes abortOnFail and a string window to every spec and shows the window', () => {
    const specs = parseThresholds(
      [{ tag: 'smoke', errorRate: '<1%', p99: '<1s', abortOnFail: true, window: '30s' }],
      't',
    );
    expect(specs.map((s) => [s.expression, s.abortOnFail, s.windowMs])).toEqual([
      ['tag=smoke:errorRate<1% over 30s', true, 30_000],
      ['tag=smoke:p99<1s over 30s', true, 30_000],
    ]);
  });

  it('reads a numeric window as seconds', () => {
    const [spec] = parseThresholds([{ avg: '<100ms', window: 90 }], 't');
    expect(spec?.windowMs).toBe(90_000);
    expect(spec?.expression).toBe('avg<100ms over 1m30s');
  });

  it('treats keys set to undefined as absent', () => {
    const specs = parseThresholds([{ user: undefined, p95: '<1s', p99: undefined }], 't');
    expect(specs).toHaveLength(1);
    expect(specs[0]?.filter).toEqual({});
  });

  it('does not share one filter object between specs', () => {
    const [a, b] = parseThresholds([{ user: 'A', p95: '<1s', p99: '<2s' }], 't');
    expect(a?.filter).toEqual(b?.filter);
    expect(a?.filter).not.toBe(b?.filter);
  });
});

describe('mixed lists', () => {
  it('keeps strings and objects in order', () => {
    const specs = parseThresholds(['p95<300ms', { user: 'A', count: '>=10' }, 'rps>5/s'], '--threshold');
    expect(specs.map((s) => s.expression)).toEqual(['p95<300ms', 'A:count>=10', 'rps>5/s']);
  });

  it('returns nothing for an empty list', () => {
    expect(parseThresholds([], 't')).toEqual([]);
  });
});

describe('errors', () => {
  it('throws one error for a single problem, naming the origin', () => {
    const error = errorOf(['p95<abc']);
    expect(error.code).toBe('VOLLEY_E_THRESHOLD');
    expect(error.message).toBe(
      "scenario load/platform.ts: threshold 'p95<abc': 'abc' is not a duration (use 300ms, 1.5s)",
    );
    expect(error.details).toEqual(["threshold 'p95<abc': 'abc' is not a duration (use 300ms, 1.5s)"]);
  });

  it('collects every problem of every definition', () => {
    const error = errorOf(
      [
        'p95<abc',
        'p95<300ms',
        { user: 'AuthUser', successRate: '>=150%', p95: '<=1x' },
        { foo: 1, p95: '<1s' },
        { user: 'A', window: 'soon', abortOnFail: 'yes', p95: '<1s' },
        { user: 'A' },
        { p95: 300 },
        { p95: [] },
        42,
        null,
        ['p95<1s'],
        { user: '', method: 7, p95: '<1s' },
      ],
      '--threshold',
    );
    const hint = 'count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory';
    expect(error.details).toEqual([
      "threshold 'p95<abc': 'abc' is not a duration (use 300ms, 1.5s)",
      "threshold 'AuthUser:successRate>=150%': '150%' is over 100% (use 99%, 99.9% or a fraction like 0.99)",
      "threshold 'AuthUser:p95<=1x': '1x' is not a duration (use 300ms, 1.5s)",
      `thresholds[3]: unknown key 'foo' (use a metric: ${hint}; a selector: user, name, method, tag, scenario, phase; metric for a custom metric; or abortOnFail, window)`,
      "thresholds[4]: abortOnFail must be true or false, got 'yes'",
      "thresholds[4]: window must be a duration like '30s' or a number of seconds above 0, got 'soon'",
      `thresholds[5]: no metric given (add one of ${hint}, e.g. p95: '<300ms')`,
      "thresholds[6].p95: expected a condition string like '<300ms' or '>=99%', got 300",
      "thresholds[7].p95: empty list of conditions (write e.g. '<300ms')",
      "thresholds[8]: expected a string like 'p95<300ms' or an object like { p95: '<300ms' }, got 42",
      "thresholds[9]: expected a string like 'p95<300ms' or an object like { p95: '<300ms' }, got null",
      "thresholds[10]: expected a string like 'p95<300ms' or an object like { p95: '<300ms' }, got an array",
      "thresholds[11]: selector user must be a non-empty string, got ''",
      'thresholds[11]: selector method must be a non-empty string, got 7',
    ]);
    expect(error.message).toBe(
      `--threshold: ${error.details.length} invalid thresholds\n${error.details.map((d) => `  - ${d}`).join('\n')}`,
    );
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, '0s', '-1s', ''])(
    'rejects the window %s',
    (window) => {
      const error = errorOf([{ p95: '<1s', window }]);
      expect(error.details).toHaveLength(1);
      expect(error.details[0]).toMatch(/^thresholds\[0\]: window must be a duration like '30s'/);
    },
  );
});

describe('the ThresholdDefinition type', () => {
  it('accepts the documented forms and parses them', () => {
    const defs: ThresholdDefinition[] = [
      'AuthUser:successRate>=99%',
      { user: 'AuthUser', successRate: '>=99%', p95: '<=200ms' },
      { name: 'POST /api/v1/generation/create', p95: '<=500ms', 'p99.9': '<1s', 'p(99.9)': ['<1s'] },
      { tag: 'smoke', errorRate: '<1%', abortOnFail: true, window: '30s' },
      {
        method: 'GET',
        rps: '>1/s',
        count: '>=1',
        failures: '<1',
        checks: '>=99%',
        median: '<1s',
        mean: '<1s',
      },
    ];
    // @ts-expect-error a misspelt metric is caught by the compiler, not only at run time
    const typo: ThresholdDefinition = { succesRate: '>=99%' };
    expect(parseThresholds(defs, 't')).toHaveLength(13);
    expect(() => parseThresholds([typo], 't')).toThrow(/unknown key 'succesRate'/);
  });
});

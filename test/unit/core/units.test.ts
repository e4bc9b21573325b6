/**
 * The unit parsers every option and threshold goes through: durations (to ms), rates (to per
 * second) and percentages (to fractions), with what each accepts, rejects and how it says so.
 */

import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, tryParseDuration } from '../../../src/core/units/duration.js';
import { parsePercent, tryParsePercent } from '../../../src/core/units/percent.js';
import { parseRate, tryParseRate } from '../../../src/core/units/rate.js';

describe('tryParseDuration', () => {
  it.each<[string, number]>([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h30m15s500ms', 5_415_500],
    ['250ms', 250],
    ['1.5s', 1500],
    ['2d', 172_800_000],
    ['0s', 0],
    ['100us', 0.1],
    ['100µs', 0.1],
    [' 30s ', 30_000],
    // A bare number is seconds, as in Locust's `-t 60`.
    ['60', 60_000],
    ['1.5', 1500],
    ['0', 0],
  ])('%s is %s ms', (text, ms) => {
    expect(tryParseDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each([
    '5x',
    '',
    '   ',
    '-1s',
    '+1s',
    's',
    'ms',
    '1.s',
    '.5s',
    '1 s',
    '1h 30m',
    '30S',
    '5m30',
    '1e3',
    'abc',
    '30s!',
  ])("rejects '%s'", (text) => {
    expect(tryParseDuration(text)).toBeUndefined();
  });

  it('does not carry state from one call to the next', () => {
    expect(tryParseDuration('5x')).toBeUndefined();
    expect(tryParseDuration('1m')).toBe(60_000);
    expect(tryParseDuration('1h30')).toBeUndefined();
    expect(tryParseDuration('2s')).toBe(2000);
  });
});

describe('parseDuration', () => {
  it('passes numbers of milliseconds through and parses strings', () => {
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration('1m')).toBe(60_000);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %s', (value) => {
    expect(() => parseDuration(value, 'load.duration')).toThrow(
      new RangeError(`load.duration: expected a non-negative number of milliseconds, got ${value}`),
    );
  });

  it('names the bad text and the accepted forms', () => {
    expect(() => parseDuration('5x')).toThrow(
      new RangeError("duration: expected a duration like 30s, 5m, 1h30m or 250ms, got '5x'"),
    );
    expect(() => parseDuration('', '--run-time')).toThrow(
      new RangeError("--run-time: expected a duration like 30s, 5m, 1h30m or 250ms, got ''"),
    );
  });
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0ms'],
    [0.4, '0ms'],
    [950, '950ms'],
    [999.4, '999ms'],
    [999.6, '1s'],
    [1000, '1s'],
    [1500, '1.5s'],
    [12_345, '12.3s'],
    [59_940, '59.9s'],
    [59_960, '1m'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [90_500, '1m31s'],
    [300_000, '5m'],
    [3_600_000, '1h'],
    [3_601_000, '1h1s'],
    [5_400_000, '1h30m'],
    [86_400_000, '24h'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([250, 1500, 30_000, 90_000, 5_400_000, 5_415_000])('%s ms survives a round trip', (ms) => {
    expect(tryParseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe('tryParseRate', () => {
  it.each<[string, number]>([
    ['200/s', 200],
    ['30/m', 0.5],
    ['1000/h', 1000 / 3600],
    ['5/100ms', 50],
    ['3/2m', 0.025],
    ['10/1.5s', 10 / 1.5],
    ['2.5/s', 2.5],
    ['10', 10],
    ['0', 0],
    ['0/s', 0],
    [' 200/s ', 200],
    // A bare number after the slash is seconds, like a bare duration.
    ['10/5', 2],
  ])('%s is %s per second', (text, perSecond) => {
    expect(tryParseRate(text)).toBeCloseTo(perSecond, 12);
  });

  it.each(['', 'abc', '/s', '10/', '10/0s', '10/x', '-5/s', '10/s/s', '10 /s', '1e3', '10/-1s', '10/ s'])(
    "rejects '%s'",
    (text) => {
      expect(tryParseRate(text)).toBeUndefined();
    },
  );
});

describe('parseRate', () => {
  it('passes numbers through and parses strings', () => {
    expect(parseRate(5)).toBe(5);
    expect(parseRate('30/m')).toBe(0.5);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %s', (value) => {
    expect(() => parseRate(value)).toThrow(
      new RangeError(`rate: expected a rate like 200/s, 30/m or 10, got '${value}'`),
    );
  });

  it('names the bad text', () => {
    expect(() => parseRate('fast', 'load.rate')).toThrow(
      new RangeError("load.rate: expected a rate like 200/s, 30/m or 10, got 'fast'"),
    );
  });
});

describe('tryParsePercent', () => {
  it.each<[string, number]>([
    ['99%', 0.99],
    ['0.99', 0.99],
    ['99.9%', 0.999],
    ['100%', 1],
    ['0%', 0],
    ['0.5%', 0.005],
    ['1', 1],
    ['0', 0],
    [' 50% ', 0.5],
  ])('%s is %s', (text, fraction) => {
    expect(tryParsePercent(text)).toBeCloseTo(fraction, 12);
  });

  it.each(['150%', '100.1%', '1.5', '99', '-1%', 'abc', '', '%', '99 %', '.5', '50%%'])(
    "rejects '%s'",
    (text) => {
      expect(tryParsePercent(text)).toBeUndefined();
    },
  );
});

describe('parsePercent', () => {
  it('passes fractions through and parses strings', () => {
    expect(parsePercent(0.5)).toBe(0.5);
    expect(parsePercent(1)).toBe(1);
    expect(parsePercent(0)).toBe(0);
    expect(parsePercent('99%')).toBe(0.99);
  });

  it.each<number | string>([99, 1.01, -0.1, Number.NaN, '150%', 'most'])('rejects %s', (value) => {
    expect(() => parsePercent(value, 'threshold')).toThrow(
      new RangeError(`threshold: expected a percentage like 99% or a fraction like 0.99, got '${value}'`),
    );
  });
});

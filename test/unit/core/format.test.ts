/**
 * How numbers read for people: every style of the one duration formatter, sizes, rates, counts
 * and percentages, to the character (reports and tests downstream assert on this text).
 */

import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatCountOf,
  formatDuration,
  formatPercent,
  formatRate,
} from '../../../src/core/units/index.js';

describe("formatDuration(ms, 'latency')", () => {
  it.each([
    [0, '0.00ms'],
    [0.42, '0.42ms'],
    [3.14259, '3.14ms'],
    [9.994, '9.99ms'],
    [9.996, '10.0ms'],
    [12.34, '12.3ms'],
    [99.94, '99.9ms'],
    [99.96, '100ms'],
    [1234.4, '1,234ms'],
    [9999.4, '9,999ms'],
    [9999.6, '10.0s'],
    [12_345, '12.3s'],
    [99_940, '99.9s'],
    [99_960, '100s'],
    [125_000, '125s'],
    [1_234_567, '1,235s'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms, 'latency')).toBe(text);
  });

  it('gives table cells the number alone, in milliseconds at any size', () => {
    expect(formatDuration(0.42, 'latency-cell')).toBe('0.42');
    expect(formatDuration(12.34, 'latency-cell')).toBe('12.3');
    expect(formatDuration(12_400, 'latency-cell')).toBe('12,400');
    expect(formatDuration(Number.NaN, 'latency-cell')).toBe('—');
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [1234.5, '1,235'],
    [Number.NaN, '—'],
  ])('%d reads %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it('pluralizes by the rounded count', () => {
    expect(formatCountOf(1, 'request')).toBe('1 request');
    expect(formatCountOf(2, 'request')).toBe('2 requests');
    expect(formatCountOf(1000, 'kind')).toBe('1,000 kinds');
    expect(formatCountOf(0, 'query', 'queries')).toBe('0 queries');
  });
});

describe("formatRate(perSecond, 'significant')", () => {
  it.each([
    [0, '0'],
    [0.8123, '0.812'],
    [40.66, '40.7'],
    [999.6, '1000'],
    [12_345.4, '12,345'],
    [Number.NaN, '—'],
  ])('%d/s reads %s', (value, text) => {
    expect(formatRate(value, 'significant')).toBe(text);
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0.00'],
    [0.5, '0.50'],
    [9.999, '10.0'],
    [42.46, '42.5'],
    [99.96, '100'],
    [2391.4, '2,391'],
  ])('%d/s reads %s', (value, text) => {
    expect(formatRate(value)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, 1, '0.0%'],
    [1, 1, '100.0%'],
    [0.982, 1, '98.2%'],
    [0.0004, 1, '<0.1%'],
    [0.9996, 1, '>99.9%'],
    [0.008, 2, '0.80%'],
    [0.00001, 2, '<0.01%'],
    [0.5, 0, '50%'],
    [0.999, 0, '>99%'],
  ])('%d with %d decimals reads %s', (fraction, decimals, text) => {
    expect(formatPercent(fraction, decimals)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [999, '999 B'],
    [999.6, '1.0 kB'],
    [1000, '1.0 kB'],
    [1234, '1.2 kB'],
    [1_200_000, '1.2 MB'],
    [999_960, '1.0 MB'],
    [12_345_678, '12.3 MB'],
    [5e9, '5.0 GB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("formatDuration(ms, 'clock')", () => {
  it.each([
    [0, '00:00'],
    [12_999, '00:12'],
    [300_000, '05:00'],
    [3_723_000, '1:02:03'],
    [-5, '00:00'],
    [Number.NaN, '00:00'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms, 'clock')).toBe(text);
  });
});

describe("formatDuration(ms, 'timeout')", () => {
  it('reads a configured timeout exactly, as error messages quote it', () => {
    expect([500, 2000, 1500, 120_000, 90_000, 1234].map((ms) => formatDuration(ms, 'timeout'))).toEqual([
      '500ms',
      '2s',
      '1.5s',
      '2m',
      '90s',
      '1.234s',
    ]);
  });
});

describe("formatDuration(ms, 'significant')", () => {
  it.each([
    [0, '0ms'],
    [0.0000452, '45.2ns'],
    [0.812, '812µs'],
    [0.99996, '1ms'],
    [12.34, '12.3ms'],
    [1523, '1.52s'],
    [-12.34, '-12.3ms'],
    [Number.NaN, '—'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms, 'significant')).toBe(text);
  });

  it('takes more digits when asked', () => {
    expect(formatDuration(12.3456, 'significant', 2)).toBe('12.346ms');
  });
});

describe("formatBytes(bytes, 'significant')", () => {
  it.each([
    [0, '0 B'],
    [512.4, '512 B'],
    [45_230_000, '45.2 MB'],
    [812_000, '812 kB'],
    [-300_000, '-300 kB'],
    [1.5e12, '1.5 TB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatBytes(bytes, 'significant')).toBe(text);
  });

  it('takes more digits when asked, and reads a non-number as —', () => {
    expect(formatBytes(45_236_000, 'significant', 1)).toBe('45.24 MB');
    expect(formatBytes(Number.NaN, 'significant')).toBe('—');
  });
});

describe("formatDuration(ms, 'verdict')", () => {
  it.each([
    [3.14159, 0, '3.14ms'],
    [312.44, 0, '312.4ms'],
    [999.96, 0, '1s'],
    [1523, 0, '1.52s'],
    [-4.5, 0, '-4.5ms'],
    [49.996, 0, '50ms'],
    [49.996, 2, '49.996ms'],
    [1523.4, 1, '1.523s'],
    [Number.NaN, 0, '—'],
  ])('%d ms with %d extra digits reads %s', (ms, extra, text) => {
    expect(formatDuration(ms, 'verdict', extra)).toBe(text);
  });
});

describe("formatBytes(bytes, 'megabytes')", () => {
  it.each([
    [45_230_000, 0, '45.2MB'],
    [300_000, 0, '0.3MB'],
    [-1_250_000, 0, '-1.3MB'],
    [45_236_000, 2, '45.236MB'],
    [0, 0, '0MB'],
  ])('%d bytes with %d extra digits reads %s', (bytes, extra, text) => {
    expect(formatBytes(bytes, 'megabytes', extra)).toBe(text);
  });
});

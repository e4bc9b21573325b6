/**
 * The engine's shared pieces: one value reader for every unit, names resolved in whichever
 * vocabulary is passed in, and one formatter whose rounding never contradicts a verdict.
 */

import { describe, expect, it } from 'vitest';
import { BENCH_VOCABULARY, STRESS_VOCABULARY } from '../../../src/bench/metric-vocabularies.js';
import {
  formatActual,
  formatValue,
  judge,
  parseValue,
  RUN_VOCABULARY,
  type ValueDisplay,
} from '../../../src/thresholds/index.js';
import { resolveMetricName } from '../../../src/thresholds/vocabulary.js';

describe('values in every unit', () => {
  it.each<[string, Parameters<typeof parseValue>[1], number | undefined]>([
    ['300ms', 'ms', 300],
    ['20', 'ms', 20],
    ['1.5s', 'ms', 1500],
    ['99%', 'fraction', 0.99],
    ['0.95', 'fraction', 0.95],
    ['6000/m', 'perSecond', 100],
    ['1000', 'count', 1000],
    ['1.5', 'count', undefined],
    ['50MB', 'bytes', 50e6],
    ['50', 'bytes', undefined],
    ['150%', 'cpu', 150],
    ['80', 'cpu', 80],
    ['3x', 'ratio', 3],
    ['2.5', 'ratio', 2.5],
    ['fast', 'ms', undefined],
  ])('%s in %s', (text, unit, expected) => {
    expect(parseValue(text, unit)).toBe(expected);
  });
});

describe('names in a vocabulary', () => {
  function resolve(name: string, vocabulary: Parameters<typeof resolveMetricName>[1]) {
    const problems: string[] = [];
    return { entry: resolveMetricName(name, vocabulary, problems), problems };
  }

  it('resolve aliases and percentiles case-insensitively', () => {
    expect(resolve('Median', RUN_VOCABULARY).entry?.metric).toEqual({
      kind: 'latency',
      stat: 'percentile',
      percentile: 50,
    });
    expect(resolve('P99.9', BENCH_VOCABULARY).entry).toMatchObject({ metric: 'percentile', percentile: 99.9 });
    expect(resolve('avg', STRESS_VOCABULARY).entry).toMatchObject({ metric: 'mean', unit: 'ms', display: 'time' });
    expect(resolve('errorRate', RUN_VOCABULARY).entry).toMatchObject({ unit: 'fraction', display: 'percent' });
  });

  it("say when a name belongs to the sibling vocabulary, else that it is unknown", () => {
    expect(resolve('successRate', BENCH_VOCABULARY).problems[0]).toMatch(
      /^'successRate' applies to stress tests, not benchmarks \(use one of mean, /,
    );
    expect(resolve('throughput', RUN_VOCABULARY).problems).toEqual([
      "unknown metric 'throughput' (use one of count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory)",
    ]);
  });
});

describe('one formatter', () => {
  it.each<[ValueDisplay, number, string]>([
    ['latency', 312.44, '312.4ms'],
    ['latency', 1523, '1.52s'],
    ['time', 0.0000452, '45.2ns'],
    ['percent', 0.987, '98.70%'],
    ['requestRate', 120.54, '120.5/s'],
    ['throughput', 1234.5, '1235/s'],
    ['count', 1234, '1,234'],
    ['wholeNumber', 1234, '1234'],
    ['megabytes', 12_345_678, '12.3MB'],
    ['megabytesChange', 12_345_678, '+12.3MB'],
    ['byteSize', 45_200_000, '45.2 MB'],
    ['cpuPercent', 80, '80.0%'],
    ['multiple', 2.5, '2.50x'],
  ])('writes %s %d as %s', (display, value, text) => {
    expect(formatValue(display, value).text).toBe(text);
  });

  it('adds digits until the shown value agrees with the verdict', () => {
    expect(formatActual('percent', 0.98996, '>=', 0.99, false)).toBe('98.996%');
    expect(formatActual('time', 50.004, '<', 50, false)).toBe('50ms');
    expect(formatActual('time', 50.004, '<=', 50, false)).toBe('50.004ms');
  });

  it('judges a measured value, or fails with the reason there is none', () => {
    const condition = { expression: 'p95<300ms', op: '<' as const, value: 300, display: 'latency' as const };
    expect(judge({ ...condition, abortOnFail: true }, { value: 312.44 })).toEqual({
      expression: 'p95<300ms',
      ok: false,
      actual: 312.44,
      actualText: '312.4ms',
      abortOnFail: true,
    });
    expect(judge({ ...condition, abortOnFail: false }, { value: null, note: 'no requests' })).toEqual({
      expression: 'p95<300ms',
      ok: false,
      actual: null,
      actualText: 'no data',
      abortOnFail: false,
      note: 'no requests',
    });
  });
});

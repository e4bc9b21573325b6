import { describe, expect, it } from 'vitest';
import { tryParseBytes } from '../../../src/core/units/bytes.js';
import { BENCH_VOCABULARY, STRESS_VOCABULARY } from '../../../src/bench/metric-vocabularies.js';
import { formatTime, judgeThreshold, parseMetricThresholds } from '../../../src/thresholds/index.js';

function parse(input: unknown, scope: 'bench' | 'stress' = 'stress') {
  const problems: string[] = [];
  const vocabulary = scope === 'bench' ? BENCH_VOCABULARY : STRESS_VOCABULARY;
  const specs = parseMetricThresholds(input, vocabulary, 'here', problems);
  return { specs, problems };
}

describe('benchmark and stress thresholds', () => {
  it('read each metric in its unit', () => {
    const { specs, problems } = parse({
      successRate: '>95%',
      peakMemory: '<500MB',
      memoryGrowth: '<=50MiB',
      peakCpu: '<150%',
      ops: '>6000/m',
      p99: '<1.5s',
      median: '<20',
      degradation: '<3x',
      scalingEfficiency: '>0.7',
      failures: '<10',
    });
    expect(problems).toEqual([]);
    expect(specs.map((s) => [s.expression, s.metric, s.op, s.value])).toEqual([
      ['successRate>95%', 'successRate', '>', 0.95],
      ['peakMemory<500MB', 'peakMemory', '<', 500e6],
      ['memoryGrowth<=50MiB', 'memoryGrowth', '<=', 50 * 2 ** 20],
      ['peakCpu<150%', 'peakCpu', '<', 150],
      ['ops>6000/m', 'ops', '>', 100],
      ['p99<1.5s', 'percentile', '<', 1500],
      ['median<20', 'percentile', '<', 20],
      ['degradation<3x', 'degradation', '<', 3],
      ['scalingEfficiency>0.7', 'scalingEfficiency', '>', 0.7],
      ['failures<10', 'failures', '<', 10],
    ]);
    expect(specs.find((s) => s.expression === 'p99<1.5s')?.percentile).toBe(99);
  });

  it('take several conditions on one metric', () => {
    const { specs } = parse({ mean: ['<50ms', '>1ms'] }, 'bench');
    expect(specs.map((s) => s.expression)).toEqual(['mean<50ms', 'mean>1ms']);
  });

  it('collect every problem, naming the metric and what it takes', () => {
    const { specs, problems } = parse({
      peakMemory: '<500',
      rme: '<5%',
      throughput: '>1',
      successRate: 95,
      p0: '<1ms',
    });
    expect(specs).toEqual([]);
    expect(problems).toEqual([
      "here: threshold peakMemory: '<500': '500' is not a size (use 50MB, 1.5GB or 256MiB)",
      "here: threshold 'rme' applies to benchmarks, not stress tests (use one of mean, min, max, ops, successRate, errorRate, failures, peakMemory, meanMemory, memoryGrowth, peakCpu, meanCpu, targetPeakMemory, targetMemoryGrowth, targetPeakCpu, scalingEfficiency, degradation, median, pNN)",
      "here: threshold unknown metric 'throughput' (use one of mean, min, max, ops, successRate, errorRate, failures, peakMemory, meanMemory, memoryGrowth, peakCpu, meanCpu, targetPeakMemory, targetMemoryGrowth, targetPeakCpu, scalingEfficiency, degradation, median, pNN)",
      "here: threshold successRate: expected a condition like '<50ms', got number",
      "here: threshold percentile 0 in 'p0' is out of range (use 0 < N <= 100, e.g. p95, p99.9 or p(99.9))",
    ]);
  });

  it('reject thresholds that are not an object', () => {
    expect(parse(['mean<5ms']).problems).toEqual([
      "here: thresholds must be an object like { mean: '<50ms' }",
    ]);
  });

  it('quote a failing value with enough digits not to contradict the verdict', () => {
    const [spec] = parse({ mean: '<50ms' }, 'bench').specs;
    if (spec === undefined) throw new Error('no spec');
    expect(judgeThreshold(spec, { value: 49.996 })).toMatchObject({ ok: true, actualText: '49.996ms' });
    expect(judgeThreshold(spec, { value: 50.004 })).toMatchObject({ ok: false, actualText: '50ms' });
    const [atMost] = parse({ mean: '<=50ms' }, 'bench').specs;
    if (atMost === undefined) throw new Error('no spec');
    expect(judgeThreshold(atMost, { value: 50.004 })).toMatchObject({ ok: false, actualText: '50.004ms' });
    expect(judgeThreshold(spec, { value: 61.23 }, ' (concurrency 5)')).toEqual({
      expression: 'mean<50ms (concurrency 5)',
      ok: false,
      actual: 61.23,
      actualText: '61.2ms',
      abortOnFail: false,
    });
    expect(judgeThreshold(spec, { value: null, note: 'no calls were measured' })).toMatchObject({
      ok: false,
      actual: null,
      actualText: 'no data',
      note: 'no calls were measured',
    });
  });
});

describe('units', () => {
  it('parse sizes, decimal and binary, and require a unit', () => {
    expect(tryParseBytes('500MB')).toBe(500e6);
    expect(tryParseBytes('1.5 GB')).toBe(1.5e9);
    expect(tryParseBytes('512kb')).toBe(512e3);
    expect(tryParseBytes('256MiB')).toBe(256 * 2 ** 20);
    expect(tryParseBytes('10 B')).toBe(10);
    expect(tryParseBytes('50')).toBeUndefined();
    expect(tryParseBytes('50 MQ')).toBeUndefined();
  });

  it('format times in the unit that fits, deciding on the rounded value', () => {
    expect(formatTime(0.0000452).text).toBe('45.2ns');
    expect(formatTime(0.812).text).toBe('812µs');
    expect(formatTime(12.34).text).toBe('12.3ms');
    expect(formatTime(1520).text).toBe('1.52s');
    expect(formatTime(0.99996).text).toBe('1ms');
    expect(formatTime(0).text).toBe('0ms');
  });
});

import { describe, expect, it } from 'vitest';
import type { ErroredBench } from '../../../src/bench/bench-result.js';
import {
  formatBenchReport,
  formatBenchSummary,
  formatSuiteEntry,
} from '../../../src/outputs/bench/bench-summary.js';
import type { ErroredStress } from '../../../src/bench/stress/stress-result.js';
import { benchResult, levelResult, report, resources, stressResult, summary } from './fixtures.js';

const plain = { color: false, width: 120 };

describe('bench output', () => {
  it("prints a benchmark as seed 000's block, thresholds on the headline", () => {
    const result = benchResult('lease creation', {
      thresholds: [
        { expression: 'mean<50ms', ok: true, actual: 12.3, actualText: '12.3ms', abortOnFail: false },
        { expression: 'p95<150ms', ok: true, actual: 22.1, actualText: '22.1ms', abortOnFail: false },
      ],
    });
    expect(formatSuiteEntry(result, plain).split('\n')).toEqual([
      'lease creation: PASS  mean 12.3ms ±5.0%  p95 22.1ms  (thresholds: mean<50ms ✓, p95<150ms ✓)',
      '  100 calls · min 4.2ms · p50 11.8ms · p99 27.3ms · max 28.5ms · sd 3.1ms · 81.3 ops/s · async',
      '  volley: CPU mean 12.0%, peak 28.4% · memory peak 45.2 MB, mean 44.9 MB',
    ]);
  });

  it('names the failed threshold and its measured value', () => {
    const result = benchResult('slow', {
      ok: false,
      thresholds: [
        { expression: 'mean<5ms', ok: false, actual: 12.3, actualText: '12.3ms', abortOnFail: false },
      ],
    });
    const text = formatSuiteEntry(result, plain);
    expect(text.split('\n')[0]).toBe(
      'slow: FAIL  mean 12.3ms ±5.0%  p95 22.1ms  (thresholds: mean<5ms ✗ 12.3ms)',
    );
    expect(formatBenchSummary(report([result]), plain)).toBe(
      "FAILED (1 benchmark)\n  bench 'slow': mean<5ms failed, measured 12.3ms",
    );
  });

  it('prints an errored benchmark with the error and where it happened', () => {
    const errored: ErroredBench = {
      kind: 'bench',
      state: 'errored',
      name: 'broken',
      ok: false,
      phase: 'measure',
      error: { name: 'TypeError', message: 'boom', stack: null },
      completedCalls: 3,
    };
    expect(formatSuiteEntry(errored, plain)).toBe(
      'broken: ERROR  TypeError: boom (while measuring, after 3 calls)',
    );
  });

  it("prints a stress test as seed 000's block with CPU, memory and grouped errors", () => {
    const level = levelResult(50, {
      ops: 500,
      successes: 498,
      failures: 2,
      successRate: 0.996,
      opsPerSec: 40.65,
      errors: [{ message: 'pool exhausted', name: 'Error', count: 2, firstAtS: 1.5, firstStack: null }],
      resources: resources(
        summary({
          memoryGrowth: {
            series: 'rss',
            bytes: 1_200_000,
            bytesPerSecond: 97_561,
            fromS: 2.5,
            toS: 12.3,
            durationS: 12.3,
            samples: 100,
            limitBytes: 50e6,
            leaking: false,
          },
        }),
      ),
      thresholds: [
        { expression: 'successRate>95%', ok: true, actual: 0.996, actualText: '99.60%', abortOnFail: false },
      ],
    });
    const result = stressResult('concurrent lease creation', [level]);
    result.ok = true;
    expect(formatSuiteEntry(result, plain).split('\n')).toEqual([
      'STRESS TEST: concurrent lease creation: PASS',
      '  Duration: 12.3s · Concurrency: 50 · Total operations: 500 · Successful: 498 · Failed: 2',
      '  Success rate: 99.60% · Operations/sec: 40.6 · Latency mean 12ms · p50 11ms · p95 20ms · p99 30ms · max 40ms',
      '  Peak memory: 45.2 MB · Mean memory: 44.9 MB · Memory growth: +1.2 MB · Peak CPU: 28.4% · Mean CPU: 12.0%',
      '  Errors:',
      '    2 × Error: pool exhausted (first at 1.5s)',
      '  Thresholds: successRate>95% ✓',
    ]);
  });

  it('tabulates levels with scaling efficiency and degradation', () => {
    const result = stressResult('reads', [
      levelResult(1, { opsPerSec: 100 }),
      levelResult(10, { opsPerSec: 800, latency: { ...levelResult(1).latency, p95: 50 } }),
    ]);
    result.scaling = [
      { concurrency: 1, opsPerSec: 100, p95: 20, efficiency: 1, degradation: 1 },
      { concurrency: 10, opsPerSec: 800, p95: 50, efficiency: 0.8, degradation: 2.5 },
    ];
    const lines = formatSuiteEntry(result, plain).split('\n');
    expect(lines[1]).toMatch(/Concurrency +Ops +Success +Ops\/s +Mean +p95 +Efficiency +Degradation/);
    expect(lines[3]).toMatch(/^ +1 +1,000 +100\.00% +100 +12ms +20ms +100\.0% +1\.00x +28\.4% +45\.2 MB +—$/);
    expect(lines[4]).toMatch(/^ +10 +1,000 +100\.00% +800 +12ms +50ms +80\.0% +2\.50x/);
  });

  it('ends a whole report with the benchmark table and the verdict', () => {
    const text = formatBenchReport(report([benchResult('a'), benchResult('b')]), plain);
    expect(text).toContain('Benchmarks\n  Name  Calls');
    expect(text.endsWith('PASSED (2 benchmarks)')).toBe(true);
  });

  it('prints an errored stress test', () => {
    const errored: ErroredStress = {
      kind: 'stress',
      state: 'errored',
      name: 'x',
      ok: false,
      phase: 'setup',
      error: { name: 'Error', message: 'no db', stack: null },
    };
    expect(formatSuiteEntry(errored, plain)).toBe('STRESS TEST: x: ERROR  Error: no db (in setup)');
  });
});

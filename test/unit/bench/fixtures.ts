/** Hand-built results for renderer and comparison tests: plain data, every figure chosen. */

import type { BenchReport, SuiteResult } from '../../../src/bench/bench-report.js';
import type { CompletedBench } from '../../../src/bench/bench-result.js';
import type { RunResources } from '../../../src/monitor/resource-watch.js';
import type { ResourceSummary } from '../../../src/monitor/resource-summary.js';
import type { CompletedStress, StressLevelResult } from '../../../src/bench/stress/stress-result.js';

export function summary(overrides: Partial<ResourceSummary> = {}): ResourceSummary {
  return {
    samples: [
      { t: 1, cpuPercent: 20, rssBytes: 45_200_000, heapUsedBytes: 20_000_000, eventLoopDelayP99Ms: 1 },
    ],
    peakCpuPercent: 28.45,
    meanCpuPercent: 12,
    peakRssBytes: 45_230_000,
    meanRssBytes: 44_900_000,
    peakHeapUsedBytes: 20_000_000,
    memoryGrowth: null,
    ...overrides,
  };
}

export function resources(generator: ResourceSummary = summary()): RunResources {
  return { intervalMs: 100, generator, targets: [] };
}

export function benchResult(name: string, overrides: Partial<CompletedBench> = {}): CompletedBench {
  return {
    kind: 'bench',
    state: 'completed',
    name,
    ok: true,
    mode: 'async',
    stats: {
      count: 100,
      totalMs: 1230,
      min: 4.2,
      mean: 12.3,
      max: 28.5,
      stdev: 3.1,
      p50: 11.8,
      p90: 20,
      p95: 22.1,
      p99: 27.3,
      p999: 28.5,
      opsPerSec: 81.3,
      sem: 0.31,
      moe: 0.615,
      rme: 0.05,
    },
    overheadNs: 40,
    warmupCalls: 10,
    histogram: '',
    thresholds: [],
    resources: resources(),
    warnings: [],
    ...overrides,
  };
}

export function levelResult(
  concurrency: number,
  overrides: Partial<StressLevelResult> = {},
): StressLevelResult {
  return {
    concurrency,
    durationMs: 12_300,
    ops: 1000,
    successes: 1000,
    failures: 0,
    successRate: 1,
    opsPerSec: 81.3,
    latency: { min: 1, mean: 12, max: 40, stdev: 3, p50: 11, p90: 18, p95: 20, p99: 30, p999: 40 },
    histogram: '',
    errors: [],
    resources: resources(),
    thresholds: [],
    warnings: [],
    ...overrides,
  };
}

export function stressResult(name: string, levels: StressLevelResult[]): CompletedStress {
  return {
    kind: 'stress',
    state: 'completed',
    name,
    ok: levels.every((level) => level.failures === 0),
    work: { kind: 'ops', opsPerWorker: 10 },
    levels,
    scaling: [],
    thresholds: levels.flatMap((level) => level.thresholds),
    durationMs: 12_300,
    aborted: false,
  };
}

export function report(results: SuiteResult[]): BenchReport {
  return {
    schema: 1,
    kind: 'volley-bench',
    volley: '0.1.0',
    file: 'bench.ts',
    startedAt: '2025-03-01T10:00:00.000Z',
    endedAt: '2025-03-01T10:00:30.000Z',
    durationMs: 30_000,
    host: { hostname: 'ci', platform: 'linux', arch: 'x64', cpus: 2, node: 'v20.20.0' },
    outcome: results.every((r) => r.ok) ? 'passed' : 'failed',
    ok: results.every((r) => r.ok),
    results,
    comparison: null,
  };
}

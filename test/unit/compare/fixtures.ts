/**
 * Synthetic runs for the comparison tests: latencies drawn from a seeded lognormal (the usual
 * shape of service latency) into real HDR histograms, wrapped in Result documents.
 */

import { createRandom } from '../../../src/compare/random.js';
import type { EndpointKey } from '../../../src/metrics/endpoint-key.js';
import {
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  latencyStats,
} from '../../../src/metrics/histogram.js';
import type { EndpointStats, RequestStats, Result } from '../../../src/metrics/result.js';

export interface SampleSpec {
  seed: number;
  count: number;
  /** Median latency, ms. */
  medianMs: number;
  /** Spread of log-latency; 0.3 is a typical service. */
  sigma?: number;
}

/** An encoded histogram of `count` lognormal latencies (µs). */
export function lognormalHistogram(spec: SampleSpec): string {
  const random = createRandom(spec.seed);
  const histogram = createHistogram();
  const medianUs = spec.medianMs * 1000;
  for (let i = 0; i < spec.count; i += 1) {
    histogram.recordValue(
      Math.max(1, Math.round(medianUs * Math.exp((spec.sigma ?? 0.3) * random.normal()))),
    );
  }
  return encodeHistogram(histogram);
}

/** An encoded histogram of exactly these values (µs). */
export function histogramOf(valuesUs: readonly number[]): string {
  const histogram = createHistogram();
  for (const value of valuesUs) histogram.recordValue(value);
  return encodeHistogram(histogram);
}

export function stats(histogram: string, options: { failures?: number; rps?: number } = {}): RequestStats {
  const decoded = decodeHistogram(histogram);
  const latency = latencyStats(decoded);
  return {
    requests: decoded.totalCount,
    failures: options.failures ?? 0,
    rps: options.rps ?? decoded.totalCount / 10,
    latency,
    ttfb: latency,
    statusCodes: { '200': decoded.totalCount },
    bytesIn: 0,
    bytesOut: 0,
    histogram,
  };
}

export function endpoint(key: Partial<EndpointKey> & { name: string }, row: RequestStats): EndpointStats {
  return { scenario: '', user: 'U', method: 'GET', tags: [], ...key, ...row };
}

export function result(options: {
  totals: RequestStats;
  endpoints?: EndpointStats[];
  scenario?: string;
  startedAt?: string;
  load?: string;
  volley?: string;
  warnings?: string[];
}): Result {
  return {
    schema: 1,
    volley: options.volley ?? '0.1.0',
    ok: true,
    outcome: 'passed',
    startedAt: options.startedAt ?? '2025-01-01T00:00:00.000Z',
    endedAt: options.startedAt ?? '2025-01-01T00:00:10.000Z',
    durationMs: 10_000,
    scenario: { file: null, name: options.scenario ?? 'checkout' },
    options: {},
    host: { hostname: 'h', platform: 'linux', arch: 'x64', cpus: 4, node: 'v20' },
    totals: { ...options.totals, iterations: 0, droppedIterations: 0, checks: { passes: 0, fails: 0 } },
    load: { executor: 'ramping-users', description: options.load ?? '10 users for 10s' },
    endpoints: options.endpoints ?? [],
    userClasses: [],
    phases: [],
    errors: [],
    checks: [],
    thresholds: [],
    timeSeries: [],
    monitor: { generator: [] },
    warnings: options.warnings ?? [],
  };
}

/**
 * A realistic Result for reporter tests: two user classes, four endpoints, status codes with
 * no-response (0) and 429, request and task errors, passing and failing checks and thresholds,
 * a warning and a short time series. The figures are consistent (totals are the sums of the
 * rows), so tests can compare rendered text with exactly computed values. Histograms are empty:
 * no reporter under test decodes them.
 */

import type { EndpointStats, LatencyStats, Result } from '../../../src/metrics/result.js';

function latency(values: Omit<LatencyStats, 'stdev'>): LatencyStats {
  return { ...values, stdev: Number(((values.max - values.min) / 20).toFixed(2)) };
}

function endpoint(
  user: string,
  method: string,
  name: string,
  requests: number,
  failures: number,
  lat: Omit<LatencyStats, 'stdev'>,
  statusCodes: Record<string, number>,
  bytes: [number, number],
): EndpointStats {
  return {
    scenario: '',
    user,
    method,
    name,
    tags: [],
    requests,
    failures,
    rps: requests / 30,
    latency: latency(lat),
    ttfb: latency({ ...lat, mean: lat.mean * 0.8 }),
    statusCodes,
    bytesIn: bytes[0],
    bytesOut: bytes[1],
    histogram: '',
  };
}

/** A fresh copy on every call, so a test may change it freely. */
export function fixtureResult(): Result {
  const endpoints: EndpointStats[] = [
    endpoint(
      'GenerationUser',
      'POST',
      '/api/v1/generation/create',
      600,
      25,
      { min: 45.3, mean: 212.4, max: 12_400, p50: 180, p90: 350, p95: 480, p99: 1210, p999: 4890 },
      { '202': 575, '500': 20, '0': 5 },
      [240_000, 90_000],
    ),
    endpoint(
      'AuthUser',
      'POST',
      '/api/v1/auth/register',
      900,
      9,
      { min: 8.21, mean: 24.6, max: 412, p50: 19.8, p90: 41.2, p95: 55.7, p99: 120, p999: 388 },
      { '201': 891, '429': 9 },
      [180_000, 135_000],
    ),
    endpoint(
      'GenerationUser',
      'GET',
      '/api/v1/generation/[id]',
      1800,
      0,
      { min: 0.42, mean: 3.87, max: 96.5, p50: 2.95, p90: 7.31, p95: 9.996, p99: 31.7, p999: 88.2 },
      { '200': 1800 },
      [720_000, 0],
    ),
    endpoint(
      'AuthUser',
      'POST',
      '/api/v1/auth/login',
      1500,
      12,
      { min: 5.12, mean: 14.3, max: 260, p50: 11.9, p90: 22.4, p95: 30.1, p99: 75.3, p999: 240 },
      { '200': 1488, '401': 9, '0': 3 },
      [450_000, 150_000],
    ),
  ];
  const classStats = (user: string, requests: number, failures: number, p95: number) => ({
    scenario: '',
    user,
    requests,
    failures,
    rps: requests / 30,
    latency: latency({ min: 1, mean: 20, max: 500, p50: 12, p90: 40, p95, p99: 300, p999: 450 }),
    ttfb: latency({ min: 1, mean: 16, max: 400, p50: 10, p90: 30, p95: 40, p99: 200, p999: 380 }),
    statusCodes: {},
    bytesIn: 0,
    bytesOut: 0,
    histogram: '',
  });
  return {
    schema: 1,
    volley: '0.1.0',
    ok: false,
    outcome: 'failed',
    startedAt: '2025-03-01T10:00:00.000Z',
    endedAt: '2025-03-01T10:00:30.000Z',
    durationMs: 30_000,
    scenario: { file: 'load/platform.ts', name: 'platform' },
    options: { host: 'http://127.0.0.1:8000', users: 50, spawnRate: 10, duration: '30s' },
    host: { hostname: 'ci-runner-7', platform: 'linux', arch: 'x64', cpus: 8, node: 'v20.20.0' },
    totals: {
      requests: 4800,
      failures: 46,
      rps: 160,
      latency: latency({
        min: 0.42,
        mean: 37.08,
        max: 12_400,
        p50: 12.4,
        p90: 61.3,
        p95: 182,
        p99: 645,
        p999: 3980,
      }),
      ttfb: latency({
        min: 0.3,
        mean: 30.1,
        max: 12_000,
        p50: 10.2,
        p90: 50.1,
        p95: 150,
        p99: 600,
        p999: 3900,
      }),
      statusCodes: { '200': 3288, '201': 891, '202': 575, '401': 9, '429': 9, '500': 20, '0': 8 },
      bytesIn: 1_590_000,
      bytesOut: 375_000,
      histogram: '',
      iterations: 2100,
      droppedIterations: 0,
      checks: { passes: 2638, fails: 25 },
    },
    endpoints,
    load: { executor: 'ramping-users', description: '50 users at 10/s for 30s' },
    phases: [],
    userClasses: [classStats('GenerationUser', 2400, 25, 310), classStats('AuthUser', 2400, 21, 48.2)],
    errors: [
      {
        kind: 'request',
        message: 'HTTP 401 Unauthorized',
        count: 9,
        firstAt: '2025-03-01T10:00:01.500Z',
        endpoint: 'AuthUser POST /api/v1/auth/login',
        key: { scenario: '', user: 'AuthUser', method: 'POST', name: '/api/v1/auth/login' },
      },
      {
        kind: 'request',
        message: 'HTTP 500 Internal Server Error',
        count: 20,
        firstAt: '2025-03-01T10:00:12.000Z',
        endpoint: 'GenerationUser POST /api/v1/generation/create',
        key: { scenario: '', user: 'GenerationUser', method: 'POST', name: '/api/v1/generation/create' },
      },
      {
        kind: 'request',
        message: 'HTTP 429 Too Many Requests',
        count: 9,
        firstAt: '2025-03-01T10:00:03.250Z',
        endpoint: 'AuthUser POST /api/v1/auth/register',
        key: { scenario: '', user: 'AuthUser', method: 'POST', name: '/api/v1/auth/register' },
      },
      {
        kind: 'request',
        message: 'connect ECONNREFUSED 127.0.0.1:8000',
        count: 5,
        firstAt: '2025-03-01T10:00:20.100Z',
        endpoint: 'GenerationUser POST /api/v1/generation/create',
        key: { scenario: '', user: 'GenerationUser', method: 'POST', name: '/api/v1/generation/create' },
      },
      {
        kind: 'request',
        message: 'connect ECONNREFUSED 127.0.0.1:8000',
        count: 3,
        firstAt: '2025-03-01T10:00:20.350Z',
        endpoint: 'AuthUser POST /api/v1/auth/login',
        key: { scenario: '', user: 'AuthUser', method: 'POST', name: '/api/v1/auth/login' },
      },
      {
        kind: 'task',
        message:
          "TypeError: Cannot read properties of undefined (reading 'id')\n    at run (load/platform.ts:42:17)",
        count: 4,
        firstAt: '2025-03-01T10:01:05.000Z',
        endpoint: 'GenerationUser task poll',
        key: { scenario: '', user: 'GenerationUser', method: '', name: 'poll' },
      },
    ],
    checks: [
      { scenario: '', user: 'GenerationUser', name: 'status is 202', passes: 575, fails: 25 },
      { scenario: '', user: 'AuthUser', name: 'token present', passes: 1488, fails: 0 },
      { scenario: '', user: 'GenerationUser', name: 'has id', passes: 575, fails: 0 },
    ],
    thresholds: [
      { expression: 'p95<300ms', ok: true, actual: 182, actualText: '182ms', abortOnFail: false },
      {
        expression: 'AuthUser:successRate>=99%',
        ok: true,
        actual: 0.99125,
        actualText: '99.1%',
        abortOnFail: false,
      },
      {
        expression: 'GenerationUser:p99<1s',
        ok: false,
        actual: 1210,
        actualText: '1,210ms',
        abortOnFail: false,
      },
      {
        expression: 'POST /api/v1/generation/create:failRate<5%',
        ok: true,
        actual: 25 / 600,
        actualText: '4.2%',
        abortOnFail: false,
      },
      {
        expression: 'GET /api/v1/missing:p95<100ms',
        ok: false,
        actual: null,
        actualText: '',
        abortOnFail: false,
        note: 'no requests matched',
      },
    ],
    timeSeries: [
      { t: 1, users: 10, rps: 95, failuresPerSec: 0, p50: 11.2, p95: 40.3, p99: 80.1 },
      { t: 2, users: 20, rps: 130, failuresPerSec: 1, p50: 12.1, p95: 52.8, p99: 120.4 },
      { t: 3, users: 30, rps: 151, failuresPerSec: 2, p50: 12.9, p95: 170.2, p99: 610.5 },
      { t: 4, users: 40, rps: 160, failuresPerSec: 0, p50: null, p95: null, p99: null },
      { t: 5, users: 50, rps: 168, failuresPerSec: 3, p50: 13.4, p95: 190.7, p99: 700.9 },
    ],
    monitor: {
      generator: [
        { t: 1, cpuPercent: 61.5, rssBytes: 98_000_000, heapUsedBytes: 41_000_000, eventLoopDelayP99Ms: 4.2 },
        {
          t: 2,
          cpuPercent: 97.2,
          rssBytes: 112_000_000,
          heapUsedBytes: 52_000_000,
          eventLoopDelayP99Ms: 38.9,
        },
      ],
    },
    warnings: ['generator CPU reached 97% of one core; latency figures may include client-side delay'],
  };
}

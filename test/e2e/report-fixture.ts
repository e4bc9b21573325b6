/**
 * A realistic Result for looking at the HTML report: the unit-test fixture with a minute of
 * time series (ramp-up, a latency spike, failures), generator samples, and real HDR histograms
 * drawn from seeded log-normal latencies (a fast AuthUser, a slow GenerationUser). Used by the
 * browser test and the screenshot script, which need charts with something to draw.
 */

import { createHistogram, encodeHistogram } from '../../src/metrics/histogram.js';
import type { Result } from '../../src/metrics/result.js';
import { fixtureResult } from '../unit/outputs/fixture-result.js';

/** mulberry32: a tiny seeded generator, so the fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal latencies in µs around `medianMs`, with `spread` the sigma of the log. */
function latenciesUs(count: number, medianMs: number, spread: number, seed: number): number[] {
  const next = random(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const u = Math.max(next(), 1e-12);
    const v = next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    out.push(Math.max(1, Math.round(medianMs * 1000 * Math.exp(spread * normal))));
  }
  return out;
}

function encode(values: readonly number[]): string {
  const histogram = createHistogram();
  for (const value of values) histogram.recordValue(value);
  return encodeHistogram(histogram);
}

export function realisticResult(seconds = 60): Result {
  const result = fixtureResult();
  const auth = latenciesUs(2400, 14, 0.6, 1);
  const generation = latenciesUs(2400, 170, 0.9, 2);
  result.totals.histogram = encode([...auth, ...generation]);
  for (const userClass of result.userClasses) {
    userClass.histogram = encode(userClass.user === 'AuthUser' ? auth : generation);
  }
  for (const [i, endpoint] of result.endpoints.entries()) {
    endpoint.histogram = encode(latenciesUs(endpoint.requests, endpoint.latency.p50, 0.7, 10 + i));
  }
  const next = random(99);
  result.timeSeries = Array.from({ length: seconds }, (_, i) => {
    const t = i + 1;
    const users = Math.min(50, t * 5);
    const spike = t >= 30 && t <= 36;
    const rps = users * 3.2 * (0.92 + 0.16 * next()) * (spike ? 0.7 : 1);
    const p50 = 12 + 3 * next() + (spike ? 25 : 0);
    return {
      t,
      users,
      rps,
      failuresPerSec: spike ? 4 + 3 * next() : next() < 0.15 ? 1 : 0,
      p50: t === 20 ? null : p50,
      p95: t === 20 ? null : p50 * (4 + next()) + (spike ? 300 : 0),
      p99: t === 20 ? null : p50 * (9 + 3 * next()) + (spike ? 900 : 0),
    };
  });
  result.monitor.generator = Array.from({ length: seconds }, (_, i) => ({
    t: i + 1,
    cpuPercent: Math.min(99, 20 + i * 1.4 + 8 * next()),
    rssBytes: 90_000_000 + i * 600_000 + 3_000_000 * next(),
    heapUsedBytes: 40_000_000 + i * 300_000 + 6_000_000 * next(),
    eventLoopDelayP99Ms: 2 + (i > 45 ? 30 * next() : 3 * next()),
  }));
  result.durationMs = seconds * 1000;
  result.endedAt = new Date(Date.parse(result.startedAt) + seconds * 1000).toISOString();
  return result;
}

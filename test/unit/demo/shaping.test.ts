import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { createLatencySampler, MAX_INJECTED_DELAY_MS } from '../../../src/demo/latency-sampler.js';
import { resolveDemoOptions } from '../../../src/demo/options.js';
import { seededRandom } from '../../../src/core/random.js';
import { isProbePath, RequestShaper } from '../../../src/demo/request-shaper.js';
import { degradeDelayMs, SlidingRate } from '../../../src/demo/sliding-rate.js';
import { isVolleyError } from '../../../src/errors.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';

const NO_LATENCY = { fixedMs: 0, jitterMs: 0, distribution: 'none', meanMs: 0, stdMs: 0 } as const;

function stats(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { mean, std };
}

describe('latency distributions', () => {
  it('draws exponential samples by inverse CDF from the seeded stream', () => {
    const sample = createLatencySampler(
      { ...NO_LATENCY, fixedMs: 5, distribution: 'exponential', meanMs: 20 },
      seededRandom(3),
    );
    const stream = seededRandom(3);
    for (let i = 0; i < 5; i++) expect(sample()).toBeCloseTo(5 - 20 * Math.log(1 - stream()), 10);
  });

  it('has the asked mean (exponential) and mean and spread (normal)', () => {
    const exp = createLatencySampler(
      { ...NO_LATENCY, distribution: 'exponential', meanMs: 20 },
      seededRandom(1),
    );
    const e = stats(Array.from({ length: 20_000 }, exp));
    expect(e.mean).toBeGreaterThan(19.4);
    expect(e.mean).toBeLessThan(20.6);
    expect(e.std).toBeGreaterThan(19); // an exponential's standard deviation is its mean
    const normal = createLatencySampler(
      { ...NO_LATENCY, distribution: 'normal', meanMs: 50, stdMs: 10 },
      seededRandom(2),
    );
    const n = stats(Array.from({ length: 20_000 }, normal));
    expect(n.mean).toBeGreaterThan(49.7);
    expect(n.mean).toBeLessThan(50.3);
    expect(n.std).toBeGreaterThan(9.7);
    expect(n.std).toBeLessThan(10.3);
  });

  it('never goes below zero or above the cap', () => {
    const wide = createLatencySampler(
      { ...NO_LATENCY, distribution: 'normal', meanMs: 1, stdMs: 100 },
      seededRandom(4),
    );
    const huge = createLatencySampler(
      { ...NO_LATENCY, fixedMs: 59_990, distribution: 'exponential', meanMs: 1000 },
      seededRandom(4),
    );
    for (let i = 0; i < 1000; i++) {
      expect(wide()).toBeGreaterThanOrEqual(0);
      expect(huge()).toBeLessThanOrEqual(MAX_INJECTED_DELAY_MS);
    }
  });
});

describe('degrade mode', () => {
  it('SlidingRate counts the requests of the last second in 10 ms buckets', () => {
    const rate = new SlidingRate();
    expect([rate.hit(0), rate.hit(5), rate.hit(500), rate.hit(999)]).toEqual([1, 2, 3, 4]);
    // At 1000 ms the bucket of 0..9 ms has left the window.
    expect(rate.hit(1000)).toBe(3);
    expect(rate.rate(1500)).toBe(2);
    expect(rate.rate(1999)).toBe(1);
    expect(rate.rate(2000)).toBe(0);
    // A clock that steps back still counts.
    expect(rate.hit(4000)).toBe(1);
  });

  it('adds (rate - N) / N × slope beyond N requests/s', () => {
    expect(degradeDelayMs(50, 50, 100)).toBe(0);
    expect(degradeDelayMs(75, 50, 100)).toBe(50);
    expect(degradeDelayMs(100, 50, 100)).toBe(100);
    expect(degradeDelayMs(200, 50, 40)).toBe(120);
  });

  it('RequestShaper slows every path in degrade mode but injects failures only into API paths', () => {
    let now = 0;
    const options = resolveDemoOptions({ degrade: { capacityRps: 10 }, errorRate: 1, seed: 1 });
    const shaper = new RequestShaper(options, seededRandom(1), () => now);
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      now = i * 10;
      delays.push(shaper.shape('/health').delayMs);
    }
    expect(delays.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(delays[10]).toBeCloseTo(10, 10);
    expect(delays[19]).toBeCloseTo(100, 10);
    expect(shaper.shape('/health').fail).toBe(false);
    expect(shaper.shape('/leases')).toMatchObject({ fail: true });
  });

  it('a server at twice its capacity answers clearly slower than at half', async () => {
    const demo = await startDemoServer({ degrade: { capacityRps: 50 } });
    try {
      const half = await openLoop(demo, 25, 1200, 0);
      const double = await openLoop(demo, 100, 1600, 1100);
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      expect(median(half)).toBeLessThan(20);
      // In the window the rate is ~100/s: each request waits ~(100 − 50) / 50 × 100 ms = 100 ms.
      expect(median(double)).toBeGreaterThan(70);
      expect(median(double)).toBeLessThan(200);
    } finally {
      await demo.close();
    }
  });
});

/** Sends GET /health at `rps` for `durationMs` without waiting for answers; latencies of those sent after `skipMs`. */
async function openLoop(
  demo: DemoServer,
  rps: number,
  durationMs: number,
  skipMs: number,
): Promise<number[]> {
  const start = performance.now();
  const pending: Promise<number | undefined>[] = [];
  for (let i = 0; i * (1000 / rps) < durationMs; i++) {
    const due = start + i * (1000 / rps);
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    pending.push(
      fetch(`${demo.url}/health`)
        .then((res) => res.arrayBuffer())
        .then(() => (sentAt - start >= skipMs ? performance.now() - sentAt : undefined)),
    );
  }
  return (await Promise.all(pending)).filter((ms): ms is number => ms !== undefined);
}

describe('probe paths', () => {
  it('are exempt from injected failures and latency', () => {
    expect(
      ['/', '/health', '/ready/', '/live', '/delay/5', '/status/500', '/bytes/1'].map(isProbePath),
    ).toEqual(Array(7).fill(true));
    expect(['/api/items', '/leases', '/healthz', '/delay', '/sessions/upload'].map(isProbePath)).toEqual(
      Array(5).fill(false),
    );
  });

  it('injected latency reaches the seed APIs too, following the seeded distribution', async () => {
    const stream = seededRandom(11);
    const expected = Array.from({ length: 5 }, () => -15 * Math.log(1 - stream()));
    const demo = await startDemoServer({ latency: { distribution: 'exponential', meanMs: 15 }, seed: 11 });
    try {
      await fetch(`${demo.url}/health`);
      const overheads: number[] = [];
      for (const delayMs of expected) {
        const started = performance.now();
        const res = await fetch(`${demo.url}/recommendations`);
        await res.arrayBuffer();
        const ms = performance.now() - started;
        expect(res.status).toBe(200);
        // The server's timer counts from the loop's cached whole-millisecond time (timer-slack.ts).
        expect(ms).toBeGreaterThanOrEqual(delayMs - TIMER_EARLY_MS);
        overheads.push(ms - delayMs);
      }
      expect(Math.min(...overheads)).toBeLessThan(5);
    } finally {
      await demo.close();
    }
  });
});

describe('options of the knobs', () => {
  it('collects every invalid knob', () => {
    let caught: unknown;
    try {
      resolveDemoOptions({
        latency: { distribution: 'pareto' as 'normal', meanMs: -1 },
        degrade: { capacityRps: 0, slopeMs: -5 },
        uploads: { perWindow: 0, windowMs: 0, maxBytes: 1.5 },
        generation: { stageMs: -1 },
        budget: { limit: 0, coolDownMs: -1 },
      });
    } catch (error) {
      caught = error;
    }
    expect(isVolleyError(caught) && caught.code).toBe('VOLLEY_E_CONFIG');
    expect(isVolleyError(caught) && caught.details).toEqual([
      "latency.distribution: expected 'normal' or 'exponential', got pareto",
      'latency.meanMs: expected a number >= 0, got -1',
      'degrade.capacityRps: expected a number > 0, got 0',
      'degrade.slopeMs: expected a number >= 0, got -5',
      'uploads.perWindow: expected an integer from 1 to 100000, got 0',
      'uploads.windowMs: expected a number > 0, got 0',
      'uploads.maxBytes: expected an integer from 1 to 1073741824, got 1.5',
      'generation.stageMs: expected a number >= 0, got -1',
      'budget.limit: expected a number > 0, got 0',
      'budget.coolDownMs: expected a number >= 0, got -1',
    ]);
    expect(() => resolveDemoOptions({ latency: { meanMs: 5 } })).toThrow(/need latency.distribution/);
  });
});

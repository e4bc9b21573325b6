/**
 * Decides, per request, what the demo's knobs do to it: an injected failure, an injected
 * latency, and the degrade-mode delay. Failures and latency apply to API routes only (every
 * path but `/`, `/health`, `/ready`, `/live` and the `/delay`, `/status`, `/bytes` probes, which
 * must answer truly); degrade mode measures and slows every request, since it plays the
 * capacity of the whole service.
 */

import { performance } from 'node:perf_hooks';
import {
  createLatencySampler,
  hasLatency,
  type LatencySampler,
  MAX_INJECTED_DELAY_MS,
} from './latency-sampler.js';
import type { ResolvedDemoOptions } from './options.js';
import type { RandomSource } from '../core/random.js';
import { degradeDelayMs, SlidingRate } from './sliding-rate.js';

export interface Shaping {
  fail: boolean;
  delayMs: number;
}

const PLAIN: Shaping = Object.freeze({ fail: false, delayMs: 0 });

export class RequestShaper {
  /** False when every knob is off: the server then skips the shaper entirely. */
  readonly active: boolean;
  readonly #errorRate: number;
  readonly #random: RandomSource;
  readonly #latency: LatencySampler | undefined;
  readonly #rate: SlidingRate | undefined;
  readonly #capacityRps: number;
  readonly #slopeMs: number;
  readonly #monotonicMs: () => number;

  constructor(
    options: ResolvedDemoOptions,
    random: RandomSource,
    monotonicMs: () => number = performance.now.bind(performance),
  ) {
    this.#errorRate = options.errorRate;
    this.#random = random;
    this.#latency = hasLatency(options) ? createLatencySampler(options, random) : undefined;
    this.#rate = options.degradeRps > 0 ? new SlidingRate() : undefined;
    this.#capacityRps = options.degradeRps;
    this.#slopeMs = options.degradeSlopeMs;
    this.#monotonicMs = monotonicMs;
    this.active = this.#errorRate > 0 || this.#latency !== undefined || this.#rate !== undefined;
  }

  shape(path: string): Shaping {
    let delayMs = 0;
    if (this.#rate !== undefined) {
      const rate = this.#rate.hit(this.#monotonicMs());
      delayMs = degradeDelayMs(rate, this.#capacityRps, this.#slopeMs);
    }
    if (isProbePath(path)) {
      return delayMs === 0 ? PLAIN : { fail: false, delayMs: Math.min(delayMs, MAX_INJECTED_DELAY_MS) };
    }
    // Draw order is fixed (failure, then latency) so a seed always yields the same sequence.
    const fail = this.#errorRate > 0 && this.#random() < this.#errorRate;
    if (this.#latency !== undefined) delayMs += this.#latency();
    if (!fail && delayMs === 0) return PLAIN;
    return { fail, delayMs: Math.min(delayMs, MAX_INJECTED_DELAY_MS) };
  }
}

/** The routes that never get injected failures or latency. */
export function isProbePath(path: string): boolean {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  switch (trimmed) {
    case '/':
    case '/health':
    case '/ready':
    case '/live':
      return true;
    default:
      return trimmed.startsWith('/delay/') || trimmed.startsWith('/status/') || trimmed.startsWith('/bytes/');
  }
}

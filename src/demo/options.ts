/**
 * The demo server's options, validated once at the edge with every problem collected into one
 * VolleyError. The demo only ever binds a loopback address: it is a target for examples and
 * tests on this machine, never a service to expose.
 */

import { isIPv4 } from 'node:net';
import { VolleyError } from '../errors.js';
import {
  type DemoBudget,
  type DemoDegrade,
  type DemoGeneration,
  type DemoLatency,
  type DemoUploads,
  isNonNegative,
  resolveServiceOptions,
  type ServiceOptions,
} from './service-options.js';

export type {
  DemoBudget,
  DemoDegrade,
  DemoGeneration,
  DemoLatency,
  DemoUploads,
  LatencyDistribution,
} from './service-options.js';

export interface DemoServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** A loopback address: 127.0.0.1 (default), any 127.x.x.x, ::1 or localhost. */
  host?: string;
  latency?: DemoLatency;
  /**
   * Fraction 0..1 of API requests (all but `/`, `/health`, `/ready`, `/live` and the probes)
   * answered 500 `{ error: 'injected failure' }`.
   */
  errorRate?: number;
  /** Seeds the random source behind jitter, latency samples and injected failures, for repeatable runs. */
  seed?: number;
  /**
   * Capacity mode: above `capacityRps` requests/s (every route, measured over a sliding second),
   * each request waits `(rate - capacityRps) / capacityRps × slopeMs` more, like a queue building.
   */
  degrade?: DemoDegrade;
  /** The per-user upload rate limit and size cap of `/sessions/…/upload`. */
  uploads?: DemoUploads;
  generation?: DemoGeneration;
  budget?: DemoBudget;
  /** Wall clock in epoch ms (default Date.now): lets tests move time for rate limits and cool-downs. */
  clock?: () => number;
}

export interface ResolvedDemoOptions extends ServiceOptions {
  port: number;
  host: string;
  fixedMs: number;
  jitterMs: number;
  errorRate: number;
  seed: number;
}

/** Validates options and fills defaults; throws VOLLEY_E_CONFIG listing every problem. */
export function resolveDemoOptions(options: DemoServerOptions = {}): ResolvedDemoOptions {
  const problems: string[] = [];
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    problems.push(`port: expected an integer from 0 to 65535, got ${String(port)}`);
  }
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    problems.push(
      `host: the demo server only binds a loopback address (127.0.0.1, ::1, localhost), got '${host}'`,
    );
  }
  const fixedMs = options.latency?.fixedMs ?? 0;
  const jitterMs = options.latency?.jitterMs ?? 0;
  if (!isNonNegative(fixedMs))
    problems.push(`latency.fixedMs: expected a number >= 0, got ${String(fixedMs)}`);
  if (!isNonNegative(jitterMs))
    problems.push(`latency.jitterMs: expected a number >= 0, got ${String(jitterMs)}`);
  const errorRate = options.errorRate ?? 0;
  if (!isNonNegative(errorRate) || errorRate > 1) {
    problems.push(`errorRate: expected a fraction from 0 to 1, got ${String(errorRate)}`);
  }
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  if (!Number.isInteger(seed)) problems.push(`seed: expected an integer, got ${String(seed)}`);
  const service = resolveServiceOptions(options, problems);
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_CONFIG', `invalid demo server options: ${problems.join('; ')}`, {
      details: problems,
    });
  }
  return { port, host, fixedMs, jitterMs, errorRate, seed, ...service };
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

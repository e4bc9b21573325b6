/**
 * A benchmark's options checked once, before anything runs, with every problem collected: how
 * many calls to measure (or for how long), the warm-up, and the parsed thresholds.
 */

import type { BenchDefinition } from './bench-definition.js';
import { tryParseDuration } from '../core/units/duration.js';
import { parseMetricThresholds } from '../thresholds/index.js';
import { BENCH_VOCABULARY, type BenchThreshold } from './metric-vocabularies.js';

export const DEFAULT_TIME_MS = 1000;
/** The default warm-up: up to this many calls… */
export const DEFAULT_WARMUP_CALLS = 10;
/** …or this long, whichever ends first. */
export const DEFAULT_WARMUP_MS = 100;

export interface Budget {
  iterations: number;
  /** Milliseconds from the start; Infinity for none. */
  timeMs: number;
}

export interface ResolvedBench {
  definition: BenchDefinition;
  measure: Budget;
  warmup: Budget;
  thresholds: BenchThreshold[];
}

/**
 * A definition's duration in ms, or undefined when it is not one above 0: seconds when a number
 * (the `DurationInput` convention), else a duration string. Benchmarks and stress tests share it.
 */
export function durationInputMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const ms = tryParseDuration(value);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

function isCount(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum;
}

/** Resolves one benchmark, pushing problems (prefixed with its name) onto `problems`. */
export function resolveBench(definition: BenchDefinition, problems: string[]): ResolvedBench {
  const where = `bench '${definition.name}'`;
  const options = definition.options ?? {};
  const own: string[] = [];
  let measure: Budget = { iterations: Number.POSITIVE_INFINITY, timeMs: DEFAULT_TIME_MS };
  if (options.iterations !== undefined && options.time !== undefined) {
    own.push('give iterations or time, not both');
  } else if (options.iterations !== undefined) {
    if (isCount(options.iterations, 1)) measure = { iterations: options.iterations, timeMs: Infinity };
    else own.push(`iterations must be a whole number >= 1, got ${String(options.iterations)}`);
  } else if (options.time !== undefined) {
    const ms = durationInputMs(options.time);
    if (ms !== undefined) measure = { iterations: Number.POSITIVE_INFINITY, timeMs: ms };
    else own.push(`time must be a duration like '5s' or a number of seconds, got ${String(options.time)}`);
  }

  let warmup: Budget = { iterations: DEFAULT_WARMUP_CALLS, timeMs: DEFAULT_WARMUP_MS };
  if (options.warmup !== undefined) {
    if (isCount(options.warmup, 0)) warmup = { iterations: options.warmup, timeMs: Infinity };
    else {
      const ms = typeof options.warmup === 'string' ? tryParseDuration(options.warmup) : undefined;
      if (ms !== undefined) warmup = { iterations: ms > 0 ? Number.POSITIVE_INFINITY : 0, timeMs: ms };
      else {
        own.push(
          `warmup must be a number of calls or a duration like '200ms', got ${String(options.warmup)}`,
        );
      }
    }
  }
  for (const hook of ['setup', 'teardown', 'beforeEach', 'afterEach'] as const) {
    const value: unknown = options[hook];
    if (value !== undefined && typeof value !== 'function') {
      own.push(`${hook} must be a function, got ${value === null ? 'null' : typeof value}`);
    }
  }
  for (const problem of own) problems.push(`${where}: ${problem}`);
  const thresholds = parseMetricThresholds(options.thresholds, BENCH_VOCABULARY, where, problems);
  return { definition, measure, warmup, thresholds };
}

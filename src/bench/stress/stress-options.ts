/**
 * A stress test's definition checked once, before anything runs, every problem collected: the
 * concurrency levels, how much each worker does (a number of operations or a duration), the
 * thresholds, and the monitoring settings.
 */

import type { MemorySeries } from '../../monitor/memory-growth.js';
import { DEFAULT_MONITOR_INTERVAL_MS } from '../../monitor/resource-watch.js';
import { parseMetricThresholds } from '../../thresholds/index.js';
import { durationInputMs } from '../bench-options.js';
import { type BenchThreshold, STRESS_VOCABULARY } from '../metric-vocabularies.js';
import type { StressDefinition } from './stress-definition.js';

export type StressWork = { kind: 'ops'; opsPerWorker: number } | { kind: 'duration'; durationMs: number };

export interface ResolvedStress {
  definition: StressDefinition;
  /** Concurrencies to run, in the order given (one entry without `levels`). */
  levels: number[];
  work: StressWork;
  thresholds: BenchThreshold[];
  series: MemorySeries;
  monitorIntervalMs: number;
}

function isWhole(value: unknown, minimum: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum;
}

export function resolveStress(definition: StressDefinition, problems: string[]): ResolvedStress {
  const where = `stress '${definition.name}'`;
  const load = (definition.load ?? {}) as Record<string, unknown>;
  const options = definition.options ?? {};
  const own: string[] = [];

  let levels: number[] = [];
  if (options.levels !== undefined) {
    if (!Array.isArray(options.levels) || options.levels.length === 0) {
      own.push('levels must be a non-empty list of concurrencies like [1, 5, 10]');
    } else if (!options.levels.every((level) => isWhole(level, 1))) {
      own.push(`levels must be whole numbers >= 1, got [${options.levels.join(', ')}]`);
    } else levels = [...options.levels];
    if (load.concurrency !== undefined) own.push('give load.concurrency or levels, not both');
  } else if (isWhole(load.concurrency, 1)) levels = [load.concurrency];
  else own.push(`load.concurrency must be a whole number >= 1, got ${String(load.concurrency)}`);

  let work: StressWork = { kind: 'ops', opsPerWorker: 1 };
  if (load.opsPerWorker !== undefined && load.duration !== undefined) {
    own.push('give load.opsPerWorker or load.duration, not both');
  } else if (load.opsPerWorker !== undefined) {
    if (isWhole(load.opsPerWorker, 1)) work = { kind: 'ops', opsPerWorker: load.opsPerWorker };
    else own.push(`load.opsPerWorker must be a whole number >= 1, got ${String(load.opsPerWorker)}`);
  } else if (load.duration !== undefined) {
    const ms = durationInputMs(load.duration);
    if (ms !== undefined) work = { kind: 'duration', durationMs: ms };
    else
      own.push(
        `load.duration must be a duration like '30s' or a number of seconds, got ${String(load.duration)}`,
      );
  } else own.push("load needs opsPerWorker (operations per worker) or duration (like '30s')");

  const series = options.memory ?? 'rss';
  if (series !== 'rss' && series !== 'heapUsed')
    own.push(`memory must be 'rss' or 'heapUsed', got ${String(series)}`);
  let monitorIntervalMs = DEFAULT_MONITOR_INTERVAL_MS;
  if (options.monitorInterval !== undefined) {
    const ms = durationInputMs(options.monitorInterval);
    if (ms !== undefined) monitorIntervalMs = ms;
    else own.push(`monitorInterval must be a duration like '100ms', got ${String(options.monitorInterval)}`);
  }
  for (const hook of ['setup', 'teardown'] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== 'function')
      own.push(`${hook} must be a function`);
  }
  for (const problem of own) problems.push(`${where}: ${problem}`);
  const thresholds = parseMetricThresholds(options.thresholds, STRESS_VOCABULARY, where, problems);
  return { definition, levels, work, thresholds, series, monitorIntervalMs };
}

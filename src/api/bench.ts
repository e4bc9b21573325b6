/**
 * `bench(name, fn, options)`: a benchmark of one operation, as a bench file lists them
 * (`export default [bench(…), stress(…)]`, run by `volley bench file.ts`) or a test runs it
 * (`await runBench(bench(…))`). It returns its argument, typed and marked; nothing runs and
 * nothing is validated here beyond the basics, so a file can be loaded without side effects,
 * and the runner can check every definition of a file before running any.
 */

import { BENCH_MARK, type BenchDefinition, type BenchOptions } from '../bench/bench-definition.js';

export {
  BENCH_MARK,
  type BenchDefinition,
  type BenchOptions,
  type BenchThresholds,
  isBenchDefinition,
  type MetricCondition,
} from '../bench/bench-definition.js';

export function bench(name: string, fn: () => unknown, options: BenchOptions = {}): BenchDefinition {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`bench(name, fn): name must be a non-empty string, got ${String(name)}`);
  }
  if (typeof fn !== 'function') throw new TypeError(`bench('${name}', fn): fn must be a function`);
  return { [BENCH_MARK]: true, kind: 'bench', name, fn, options };
}

/**
 * `stress(name, op, load, options)`: many concurrent workers calling one async operation, with
 * success rate, throughput, latency, grouped errors, and the CPU and memory of the process (and
 * of `--monitor-pid` targets) during the run. `levels` repeats the run at several concurrencies
 * and reports how throughput scales. Like `bench()`, this only builds the definition; it runs
 * in `volley bench` or `runStress()`.
 */

import {
  STRESS_MARK,
  type StressDefinition,
  type StressLoad,
  type StressOperation,
  type StressOptions,
} from '../bench/stress/stress-definition.js';

export {
  isStressDefinition,
  STRESS_MARK,
  type StressDefinition,
  type StressLoad,
  type StressOperation,
  type StressOptions,
  type StressThresholds,
} from '../bench/stress/stress-definition.js';

export function stress(
  name: string,
  op: StressOperation,
  load: StressLoad,
  options: StressOptions = {},
): StressDefinition {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`stress(name, op, load): name must be a non-empty string, got ${String(name)}`);
  }
  if (typeof op !== 'function') throw new TypeError(`stress('${name}', op, load): op must be a function`);
  return { [STRESS_MARK]: true, kind: 'stress', name, op, load, options };
}

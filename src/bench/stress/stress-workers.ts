/**
 * One level of a stress test: `concurrency` workers, each calling the operation back to back
 * until it has done its share (`opsPerWorker`) or the duration is up. Every operation is timed,
 * successful or not, into an HDR histogram in microseconds (the unit of HTTP latencies, so the
 * same statistics and reports apply); a throw or a rejection counts as a failure and is grouped
 * by message.
 *
 * Only a returned thenable is awaited, so a synchronous operation costs no microtask per call;
 * but such an operation never yields, so its "workers" run one after another: stress tests are
 * for asynchronous work. Operations in flight when the duration ends are finished and counted.
 */

import { createHistogram, type Histogram } from '../../metrics/histogram.js';
import { isThenable } from '../../core/thenable.js';
import type { BenchClock } from '../bench-loop.js';
import { ErrorGroups } from './error-groups.js';
import type { StressOperation } from './stress-definition.js';
import type { StressWork } from './stress-options.js';

export interface LevelCounts {
  concurrency: number;
  durationMs: number;
  successes: number;
  failures: number;
  /** Every operation's time, µs. */
  histogram: Histogram;
  errors: ErrorGroups;
}

export async function runLevel(
  op: StressOperation,
  concurrency: number,
  work: StressWork,
  clock: BenchClock,
  signal?: AbortSignal,
): Promise<LevelCounts> {
  const histogram = createHistogram();
  const errors = new ErrorGroups();
  let successes = 0;
  let failures = 0;
  const startedAt = clock.now();
  const perWorker = work.kind === 'ops' ? work.opsPerWorker : Number.POSITIVE_INFINITY;
  const deadline = work.kind === 'duration' ? startedAt + work.durationMs : Number.POSITIVE_INFINITY;

  const worker = async (index: number): Promise<void> => {
    for (let iteration = 0; iteration < perWorker; iteration++) {
      const start = clock.now();
      if (start >= deadline || signal?.aborted === true) return;
      try {
        const returned = op(index, iteration);
        if (isThenable(returned)) await returned;
        successes++;
      } catch (error) {
        failures++;
        errors.add(error, (clock.now() - startedAt) / 1000);
      }
      histogram.recordValue(Math.max(1, Math.round((clock.now() - start) * 1000)));
    }
  };
  const workers: Promise<void>[] = [];
  for (let index = 0; index < concurrency; index++) workers.push(worker(index));
  await Promise.all(workers);
  return { concurrency, durationMs: clock.now() - startedAt, successes, failures, histogram, errors };
}

/** Shared by the bench tests: a clock they move by hand, and a result that must have completed. */

import type { BenchClock } from '../../../src/bench/bench-loop.js';
import type { BenchResult, CompletedBench } from '../../../src/bench/bench-result.js';

/** A clock that moves only when a benchmarked function (or hook) says so. */
export class VirtualClock implements BenchClock {
  ms = 1000;
  now(): number {
    return this.ms;
  }
}

export function completed(result: BenchResult): CompletedBench {
  if (result.state !== 'completed') throw new Error(`expected completed, got ${result.error.message}`);
  return result;
}

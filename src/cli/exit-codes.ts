/**
 * Exit codes, the contract CI relies on:
 * 0 every threshold passed; 1 a threshold failed, or (without thresholds) a request failed;
 * 2 bad input (usage, config, scenario); 3 the run was aborted (abortOnFail, or interrupted);
 * 4 an internal error (a bug in volley), so CI can tell it from a mistake in the input.
 */

import type { RunOutcome } from '../metrics/result.js';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_ABORTED = 3;
export const EXIT_INTERNAL = 4;

export function exitCodeFor(outcome: RunOutcome): number {
  switch (outcome) {
    case 'passed':
      return EXIT_PASSED;
    case 'failed':
      return EXIT_FAILED;
    case 'aborted':
      return EXIT_ABORTED;
  }
}

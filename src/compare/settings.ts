/**
 * The knobs of a comparison, their defaults, and validation at the edge (every problem at once,
 * as a `VOLLEY_E_USAGE` error), so the statistics below never see a nonsensical setting.
 */

import { VolleyError } from '../errors.js';
import type { CompareSettings } from './comparison.js';

export type CompareOptions = Partial<CompareSettings> & {
  /** How the runs are named in the output and in errors, e.g. their file names. */
  baselineLabel?: string;
  currentLabel?: string;
};

export const DEFAULT_SETTINGS: Readonly<CompareSettings> = Object.freeze({
  maxRegression: 0.1,
  errorRateFloor: 0.005,
  confidence: 0.95,
  resamples: 1000,
  sampleCap: 2000,
  minTail: 10,
  seed: 1,
});

export function resolveSettings(options: CompareOptions = {}): CompareSettings {
  const settings: CompareSettings = {
    maxRegression: options.maxRegression ?? DEFAULT_SETTINGS.maxRegression,
    errorRateFloor: options.errorRateFloor ?? DEFAULT_SETTINGS.errorRateFloor,
    confidence: options.confidence ?? DEFAULT_SETTINGS.confidence,
    resamples: options.resamples ?? DEFAULT_SETTINGS.resamples,
    sampleCap: options.sampleCap ?? DEFAULT_SETTINGS.sampleCap,
    minTail: options.minTail ?? DEFAULT_SETTINGS.minTail,
    seed: options.seed ?? DEFAULT_SETTINGS.seed,
  };
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const finite = Number.isFinite;
  check(
    finite(settings.maxRegression) && settings.maxRegression >= 0,
    `max regression: expected a percentage >= 0 such as 10%, got ${settings.maxRegression}`,
  );
  check(
    finite(settings.errorRateFloor) && settings.errorRateFloor >= 0 && settings.errorRateFloor <= 1,
    `error-rate floor: expected a fraction in [0, 1], got ${settings.errorRateFloor}`,
  );
  check(
    finite(settings.confidence) && settings.confidence >= 0.5 && settings.confidence < 1,
    `confidence: expected a percentage from 50% up to (not including) 100%, got ${settings.confidence}`,
  );
  check(
    Number.isInteger(settings.resamples) && settings.resamples >= 100,
    `resamples: expected an integer >= 100, got ${settings.resamples}`,
  );
  check(
    Number.isInteger(settings.sampleCap) && settings.sampleCap >= 10,
    `sample cap: expected an integer >= 10, got ${settings.sampleCap}`,
  );
  check(
    Number.isInteger(settings.minTail) && settings.minTail >= 1,
    `minimum tail: expected an integer >= 1, got ${settings.minTail}`,
  );
  check(Number.isInteger(settings.seed), `seed: expected an integer, got ${settings.seed}`);
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_USAGE', problems.join('; '), { details: problems });
  }
  return settings;
}

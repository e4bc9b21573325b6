/**
 * Reads the fields of a scenario's `load` (written by hand, so any value may be wrong): each read
 * checks its value and records a problem naming where it is (`file load.stages[2].target`), so
 * load resolution reports every mistake at once.
 */

import { tryParseDuration } from '../core/units/duration.js';
import { tryParseRate } from '../core/units/rate.js';
import type { Stage } from './executors/stages.js';
import type { LoadDefinition, StageDefinition } from './scenario-definition.js';

export class LoadReader {
  readonly load: Record<string, unknown>;
  private readonly origin: string;

  constructor(
    sources: { load: LoadDefinition | undefined; origin: string },
    private readonly problems: string[],
  ) {
    this.load = (sources.load ?? {}) as Record<string, unknown>;
    this.origin = sources.origin;
  }

  /** Where a field is, for messages. */
  at(path: string): string {
    return `${this.origin} load.${path}`;
  }

  number(key: string, min: number, whole = false): number | undefined {
    const value = this.load[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value >= min) || (whole && !Number.isInteger(value))) {
      this.problems.push(
        `${this.at(key)}: expected ${whole ? 'a whole number' : 'a number'} >= ${min}, got ${String(value)}`,
      );
      return undefined;
    }
    return value;
  }

  /** A duration in milliseconds: a string (`30s`) or a number of seconds. */
  duration(key: string): number | undefined {
    const value = this.load[key];
    if (value === undefined) return undefined;
    const ms =
      typeof value === 'number'
        ? value * 1000
        : typeof value === 'string'
          ? tryParseDuration(value)
          : undefined;
    if (ms === undefined)
      this.problems.push(`${this.at(key)}: expected a duration like 30s or 5m, got ${String(value)}`);
    return ms;
  }

  /** Stages whose targets are per `timeUnitMs` (rates), or users when it is 1000. */
  stages(key: string, timeUnitMs: number): Stage[] {
    const raw = this.load[key];
    if (!Array.isArray(raw) || raw.length === 0) {
      this.problems.push(`${this.at(key)}: expected a list of { duration, target }`);
      return [];
    }
    return (raw as StageDefinition[]).map((stage, i) => {
      const durationMs =
        typeof stage?.duration === 'number'
          ? stage.duration * 1000
          : tryParseDuration(String(stage?.duration));
      if (durationMs === undefined)
        this.problems.push(`${this.at(`${key}[${i}].duration`)}: expected a duration, got ${String(stage?.duration)}`);
      if (typeof stage?.target !== 'number' || !(stage.target >= 0)) {
        this.problems.push(`${this.at(`${key}[${i}].target`)}: expected a number >= 0, got ${String(stage?.target)}`);
      }
      return { durationMs: durationMs ?? 0, target: ((stage?.target as number) * 1000) / timeUnitMs };
    });
  }

  /** A rate per second: `200/s`, or a number per `timeUnitMs`. */
  rate(key: string, timeUnitMs: number): number | undefined {
    const value = this.load[key];
    if (typeof value === 'number' && value >= 0) return (value * 1000) / timeUnitMs;
    const parsed = typeof value === 'string' ? tryParseRate(value) : undefined;
    if (parsed === undefined)
      this.problems.push(`${this.at(key)}: expected a rate like 200/s or a number, got ${String(value)}`);
    return parsed;
  }
}

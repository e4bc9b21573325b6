/**
 * Thresholds left without data by the run's own narrowing. `--tags smoke` (or --exclude-tags,
 * named user classes, --scenario) removes tasks on purpose, so a threshold on requests that only
 * the removed tasks make matches nothing: it is set aside with a note, not failed, as thresholds
 * on user classes that did not run already are. Without narrowing, "no data" still fails: it then
 * usually means a typo in the selector.
 */

import type { RunOptions } from '../config/run-options.js';
import type { ThresholdVerdict } from '../metrics/result.js';
import type { ThresholdSpec } from '../thresholds/index.js';

/** How the run was narrowed, as the user spelled it (`--tags smoke`); empty when it was not. */
export function narrowing(options: Pick<RunOptions, 'tags' | 'excludeTags' | 'userClasses' | 'scenario'>): string[] {
  const parts: string[] = [];
  if (options.tags.length > 0) parts.push(`--tags ${options.tags.join(',')}`);
  if (options.excludeTags.length > 0) parts.push(`--exclude-tags ${options.excludeTags.join(',')}`);
  if (options.userClasses.length > 0) parts.push(`user classes ${options.userClasses.join(' ')}`);
  if (options.scenario !== null) parts.push(`--scenario ${options.scenario}`);
  return parts;
}

/**
 * Removes the no-data verdicts of request thresholds when the run was narrowed, saying so.
 * `verdicts` are those of `specs`, in the same order.
 */
export function setAsideUnmatched(
  specs: readonly ThresholdSpec[],
  verdicts: ThresholdVerdict[],
  narrowedBy: readonly string[],
): { verdicts: ThresholdVerdict[]; note: string | undefined } {
  if (narrowedBy.length === 0) return { verdicts, note: undefined };
  // Memory thresholds have no selector: their "no data" has nothing to do with narrowing.
  const unmatched = verdicts.filter((v, i) => v.actual === null && specs[i]?.metric.kind !== 'memory');
  if (unmatched.length === 0) return { verdicts, note: undefined };
  return {
    verdicts: verdicts.filter((v) => !unmatched.includes(v)),
    note:
      `Not judged, they matched no request once the run was narrowed by ${narrowedBy.join(', ')}: ` +
      `${unmatched.map((v) => v.expression).join(', ')}.`,
  };
}

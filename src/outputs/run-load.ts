/**
 * What every report says about the load a run ran. Schema 2 results record it per scenario
 * (`load.users`, `load.scenarios`); schema 1 results recorded the -u option even when the
 * scenario's own load replaced it, so for them the peak of active users is the better figure.
 */

import type { Result } from '../metrics/result.js';

/** The most users the run planned (schema 2), else the most it reached, else the -u option. */
export function runUsers(result: Result): number | undefined {
  const planned = result.load?.users;
  if (typeof planned === 'number' && Number.isFinite(planned)) return planned;
  // Per-second points can miss a short last step; a phase knows the users it declared.
  const peak = Math.max(
    result.timeSeries.reduce((max, point) => Math.max(max, point.users), 0),
    result.phases.reduce((max, phase) => Math.max(max, phase.users), 0),
  );
  if (peak > 0) return peak;
  const users = result.options.users;
  return typeof users === 'number' && Number.isFinite(users) ? users : undefined;
}

/** `100 users at 10/s for 15s` (the load as run), when the result records it. */
export function runLoadText(result: Result): string | undefined {
  const described = result.load?.description;
  return typeof described === 'string' && described !== '' ? described : undefined;
}

/**
 * Think times from a recording: the gap between one page's start and the next one's, less what
 * the page's own requests took, rounded so the file reads like a person wrote it.
 */

/** Gaps below this are the browser, not the person: no pause. */
const MIN_THINK_MS = 200;
/** A recording left open over lunch should not make a task sleep for an hour. */
export const MAX_THINK_SECONDS = 60;

/** Seconds to pause for a gap of `gapMs`: 0 under 200 ms, tenths under 10 s, whole seconds above, at most 60. */
export function thinkTimeSeconds(gapMs: number): number {
  if (!Number.isFinite(gapMs) || gapMs < MIN_THINK_MS) return 0;
  const seconds = gapMs / 1000;
  const rounded = seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  return Math.min(rounded, MAX_THINK_SECONDS);
}

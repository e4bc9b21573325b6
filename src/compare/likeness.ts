/**
 * Whether two runs can be compared like with like. Runs of a different load, narrowing (--tags,
 * --exclude-tags, user classes, --scenario), scenario or length measure different things: their
 * throughput is not a change in the service, so it gets no verdict, and the difference is said
 * loudly. Rows that failed entirely in both runs measured only their error path: none of their
 * figures is a verdict either.
 */

import type { RequestStats, Result } from '../metrics/result.js';

/** Runs whose lengths differ by more than this share do not measure rates over the same span. */
const DURATION_TOLERANCE = 0.1;

function listOption(result: Result, name: string): string {
  const value = result.options[name];
  return Array.isArray(value) ? value.map(String).join(',') : '';
}

function narrowingOf(result: Result): string {
  const parts: string[] = [];
  const tags = listOption(result, 'tags');
  const exclude = listOption(result, 'excludeTags');
  const classes = listOption(result, 'userClasses');
  const scenario = result.options.scenario;
  if (tags !== '') parts.push(`--tags ${tags}`);
  if (exclude !== '') parts.push(`--exclude-tags ${exclude}`);
  if (classes !== '') parts.push(`user classes ${classes}`);
  if (typeof scenario === 'string' && scenario !== '') parts.push(`--scenario ${scenario}`);
  return parts.length === 0 ? 'none' : parts.join(' ');
}

/** Each way the two runs differ that makes their rates unlike, in words; empty when alike. */
export function unlikeness(baseline: Result, current: Result): string[] {
  const found: string[] = [];
  if (baseline.scenario.name !== current.scenario.name) {
    found.push(`scenario '${baseline.scenario.name}' vs '${current.scenario.name}'`);
  }
  if (baseline.load.description !== current.load.description) {
    found.push(`load ${baseline.load.description} vs ${current.load.description}`);
  }
  const [a, b] = [narrowingOf(baseline), narrowingOf(current)];
  if (a !== b) found.push(`narrowing ${a} vs ${b}`);
  const longer = Math.max(baseline.durationMs, current.durationMs);
  if (longer > 0 && Math.abs(baseline.durationMs - current.durationMs) / longer > DURATION_TOLERANCE) {
    found.push(`duration ${baseline.durationMs / 1000}s vs ${current.durationMs / 1000}s`);
  }
  return found;
}

/** Every request failed: the row measured nothing but the error path. */
export function failedEntirely(stats: RequestStats): boolean {
  return stats.requests > 0 && stats.failures === stats.requests;
}

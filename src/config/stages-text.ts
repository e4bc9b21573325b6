/**
 * Stages as written on the command line: `30s:100,5m:100,30s:0` (duration:target, in order).
 */

import { tryParseDuration } from '../core/units/duration.js';

export interface StageText {
  durationMs: number;
  target: number;
}

/** Parses stages, or returns an error message naming the bad part. */
export function parseStagesText(text: string): StageText[] | string {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return `expected stages like 30s:100,5m:100,30s:0, got '${text}'`;
  const stages: StageText[] = [];
  for (const part of parts) {
    const colon = part.lastIndexOf(':');
    const duration = colon === -1 ? undefined : tryParseDuration(part.slice(0, colon));
    const targetText = colon === -1 ? '' : part.slice(colon + 1).trim();
    const target = /^\d+(\.\d+)?$/.test(targetText) ? Number(targetText) : Number.NaN;
    if (duration === undefined || !Number.isFinite(target)) {
      return `expected duration:target like 30s:100, got '${part}' (in '${text}')`;
    }
    stages.push({ durationMs: duration, target });
  }
  return stages;
}

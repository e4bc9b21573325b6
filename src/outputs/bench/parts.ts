/**
 * Small pieces the bench and stress renderers share: figures in their units, `a · b · c` lines
 * wrapped to the terminal, the verdict marks, and the resource line of a process.
 */

import { formatTime } from '../../thresholds/index.js';
import type { TargetResources } from '../../monitor/resource-watch.js';
import type { ThresholdVerdict } from '../../metrics/result.js';
import type { ResourceSummary } from '../../monitor/resource-summary.js';
import type { Palette } from '../color.js';
import { formatBytes, formatRate, MISSING } from '../../core/units/index.js';
import { textWidth } from '../text.js';

export const PASS_MARK = '✓';
export const FAIL_MARK = '✗';
export const SEPARATOR = ' · ';

/** A time in ms with a unit that fits: `45.2ns`, `812µs`, `12.3ms`, `1.52s`. */
export function time(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? MISSING : formatTime(ms).text;
}

export function cpu(percent: number | null): string {
  return percent === null || !Number.isFinite(percent) ? MISSING : `${percent.toFixed(1)}%`;
}

export function bytes(value: number | null): string {
  return value === null ? MISSING : formatBytes(value);
}

/** `+1.2 MB`, `-0.4 MB`. */
export function signedBytes(value: number): string {
  return value >= 0 ? `+${formatBytes(value)}` : `-${formatBytes(-value)}`;
}

/** Three significant digits at least, whole numbers above: `0.812`, `40.7`, `12,345`. */
export function perSecond(value: number | null): string {
  return value === null ? MISSING : formatRate(value, 'significant');
}

/**
 * Joins parts with ` · `, starting a new line (indented) when the next would not fit. A `label`
 * leads the first line (`Thresholds: a · b`).
 */
export function wrapParts(parts: readonly string[], width: number, indent: number, label = ''): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line === '') line = pad + (lines.length === 0 && label !== '' ? `${label} ` : '') + part;
    else if (textWidth(line) + SEPARATOR.length + textWidth(part) <= width) line += SEPARATOR + part;
    else {
      lines.push(line);
      line = pad + part;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `mean<50ms ✓` when it passed; `mean<5ms ✗ 20.3ms` (with the value) when it failed. */
export function verdictMark(verdict: ThresholdVerdict, palette: Palette): string {
  if (verdict.ok) return palette.green(`${verdict.expression} ${PASS_MARK}`);
  const note = verdict.note === undefined ? '' : ` (${verdict.note})`;
  return palette.red(`${verdict.expression} ${FAIL_MARK} ${verdict.actualText}${note}`);
}

/** The figures of one watched process: CPU, memory, and growth with its leak flag. */
export function resourceParts(summary: ResourceSummary, palette: Palette): string[] {
  if (summary.samples.length === 0) return ['no CPU or memory samples (too short to sample)'];
  const parts = [
    `CPU mean ${cpu(summary.meanCpuPercent)}, peak ${cpu(summary.peakCpuPercent)}`,
    `memory peak ${bytes(summary.peakRssBytes)}, mean ${bytes(summary.meanRssBytes)}`,
  ];
  const growth = summary.memoryGrowth;
  if (growth !== null) {
    const series = growth.series === 'rss' ? '' : ` (${growth.series})`;
    const text = `growth ${signedBytes(growth.bytes)}${series}`;
    parts.push(growth.leaking === true ? palette.red(`${text}: leaking`) : text);
  }
  return parts;
}

/** `pid 4242 (postgres)`. */
export function targetLabel(target: TargetResources): string {
  return target.command === '' ? `pid ${target.pid}` : `pid ${target.pid} (${target.command})`;
}

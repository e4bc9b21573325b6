/**
 * One stress test's block, in the shape of seed 000's stress report (`STRESS TEST: …`, then
 * duration, operations, success rate, operations/sec, peak memory and CPU), plus latency,
 * grouped errors and the verdicts. With several levels, a table of one row per level with the
 * scaling efficiency and latency degradation against the lowest level.
 */

import type { StressLevelResult, StressResult } from '../../bench/stress/stress-result.js';
import type { Palette } from '../color.js';
import { formatCount, formatPercent, MISSING } from '../../core/units/index.js';
import { type Cell, renderTable } from '../table.js';
import { oneLine, truncate } from '../text.js';
import {
  bytes,
  cpu,
  perSecond,
  resourceParts,
  signedBytes,
  targetLabel,
  time,
  verdictMark,
  wrapParts,
} from './parts.js';

const INDENT = 2;
const TOP_ERRORS = 5;

function latencyParts(level: StressLevelResult): string[] {
  const { latency } = level;
  return [
    `Latency mean ${time(latency.mean)}`,
    `p50 ${time(latency.p50)}`,
    `p95 ${time(latency.p95)}`,
    `p99 ${time(latency.p99)}`,
    `max ${time(latency.max)}`,
  ];
}

function singleLevel(level: StressLevelResult, palette: Palette, width: number): string[] {
  const { generator } = level.resources;
  const counts = [
    `Duration: ${time(level.durationMs)}`,
    `Concurrency: ${level.concurrency}`,
    `Total operations: ${formatCount(level.ops)}`,
    `Successful: ${formatCount(level.successes)}`,
    level.failures > 0 ? palette.red(`Failed: ${formatCount(level.failures)}`) : 'Failed: 0',
  ];
  const rates = [
    `Success rate: ${(level.successRate * 100).toFixed(2)}%`,
    `Operations/sec: ${perSecond(level.opsPerSec)}`,
    ...latencyParts(level),
  ];
  const growth = generator.memoryGrowth;
  const resources = [
    `Peak memory: ${bytes(generator.peakRssBytes)}`,
    `Mean memory: ${bytes(generator.meanRssBytes)}`,
    growth === null
      ? `Memory growth: ${MISSING}`
      : growth.leaking === true
        ? palette.red(`Memory growth: ${signedBytes(growth.bytes)} (leaking)`)
        : `Memory growth: ${signedBytes(growth.bytes)}`,
    `Peak CPU: ${cpu(generator.peakCpuPercent)}`,
    `Mean CPU: ${cpu(generator.meanCpuPercent)}`,
  ];
  return [
    ...wrapParts(counts, width, INDENT),
    ...wrapParts(rates, width, INDENT),
    ...wrapParts(resources, width, INDENT),
  ];
}

function levelTable(
  result: StressResult & { state: 'completed' },
  palette: Palette,
  width: number,
): string[] {
  const rows: Cell[][] = result.levels.map((level, index) => {
    const scaling = result.scaling[index];
    const { generator } = level.resources;
    return [
      String(level.concurrency),
      formatCount(level.ops),
      level.failures > 0 ? { text: formatPercent(level.successRate, 2), style: palette.red } : '100.00%',
      perSecond(level.opsPerSec),
      time(level.latency.mean),
      time(level.latency.p95),
      scaling?.efficiency == null ? MISSING : formatPercent(scaling.efficiency),
      scaling?.degradation == null ? MISSING : `${scaling.degradation.toFixed(2)}x`,
      cpu(generator.peakCpuPercent),
      bytes(generator.peakRssBytes),
      generator.memoryGrowth === null ? MISSING : signedBytes(generator.memoryGrowth.bytes),
    ];
  });
  const right = { align: 'right' as const };
  return renderTable({
    columns: [
      { header: 'Concurrency', ...right },
      { header: 'Ops', ...right },
      { header: 'Success', ...right },
      { header: 'Ops/s', ...right },
      { header: 'Mean', ...right },
      { header: 'p95', ...right },
      { header: 'Efficiency', ...right },
      { header: 'Degradation', ...right },
      { header: 'Peak CPU', ...right },
      { header: 'Peak memory', ...right },
      { header: 'Growth', ...right },
    ],
    rows,
    indent: INDENT,
    maxWidth: width,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
}

function errorLines(level: StressLevelResult, several: boolean, palette: Palette, width: number): string[] {
  if (level.errors.length === 0) return [];
  const pad = ' '.repeat(INDENT);
  const title = several ? `Errors at concurrency ${level.concurrency}:` : 'Errors:';
  const lines = [pad + palette.bold(title)];
  for (const group of level.errors.slice(0, TOP_ERRORS)) {
    const text = `${formatCount(group.count)} × ${group.name}: ${oneLine(group.message)} (first at ${time(group.firstAtS * 1000)})`;
    lines.push(pad + pad + palette.red(truncate(text, width - 2 * INDENT)));
  }
  if (level.errors.length > TOP_ERRORS) {
    lines.push(`${pad}${pad}… and ${level.errors.length - TOP_ERRORS} more kinds of error (see --json)`);
  }
  return lines;
}

export function formatStressBlock(result: StressResult, palette: Palette, width: number): string[] {
  const title = `STRESS TEST: ${palette.bold(result.name)}`;
  if (result.state === 'errored') {
    return [
      `${title}: ${palette.red(palette.bold('ERROR'))}  ${result.error.name}: ${oneLine(result.error.message)} (in ${result.phase})`,
    ];
  }
  const status = result.ok ? palette.green(palette.bold('PASS')) : palette.red(palette.bold('FAIL'));
  const aborted = result.aborted ? palette.yellow(' (stopped early)') : '';
  const lines = [`${title}: ${status}${aborted}`];
  const several = result.levels.length > 1;
  const only = result.levels[0];
  if (!several && only !== undefined) lines.push(...singleLevel(only, palette, width));
  else lines.push(...levelTable(result, palette, width));
  for (const level of result.levels) {
    for (const target of level.resources.targets) {
      const at = several ? ` at concurrency ${level.concurrency}` : '';
      lines.push(...wrapParts(resourceParts(target, palette), width, INDENT, `${targetLabel(target)}${at}:`));
    }
  }
  for (const level of result.levels) lines.push(...errorLines(level, several, palette, width));
  if (result.thresholds.length > 0) {
    const marks = result.thresholds.map((verdict) => verdictMark(verdict, palette));
    lines.push(...wrapParts(marks, width, INDENT, 'Thresholds:'));
  } else if (!result.ok) {
    lines.push(
      palette.red(`${' '.repeat(INDENT)}Failed operations with no thresholds set fail the stress test.`),
    );
  }
  const warnings = new Set(result.levels.flatMap((level) => level.warnings));
  for (const warning of warnings) lines.push(palette.yellow(`${' '.repeat(INDENT)}! ${oneLine(warning)}`));
  return lines;
}

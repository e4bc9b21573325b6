/**
 * One benchmark's block, printed as soon as it finishes, in the shape seed 000's suite printed
 * (`lease_creation: PASS` and its figures), with the threshold verdicts on the headline:
 *
 *   lease creation: PASS  mean 12.3ms ±1.2%  p95 22.1ms  (thresholds: mean<50ms ✓, p95<150ms ✓)
 *     100 calls · min 4.2ms · p50 11.8ms · p99 27.3ms · max 28.5ms · sd 3.1ms · 81.3 ops/s · async
 *     volley: CPU mean 12.0%, peak 35.0% · memory peak 45.2 MB, mean 44.9 MB · growth +0.3 MB
 *
 * A pure function of the result, like the run summary.
 */

import type { BenchResult } from '../../bench/bench-result.js';
import type { Palette } from '../color.js';
import { formatCount, formatPercent } from '../../core/units/index.js';
import { oneLine } from '../text.js';
import { perSecond, resourceParts, targetLabel, time, verdictMark, wrapParts } from './parts.js';

const INDENT = 2;

export function formatBenchBlock(result: BenchResult, palette: Palette, width: number): string[] {
  if (result.state === 'errored') {
    const calls = result.completedCalls === 1 ? '1 call' : `${formatCount(result.completedCalls)} calls`;
    const where = result.phase === 'measure' ? `while measuring, after ${calls}` : `in ${result.phase}`;
    return [
      `${palette.bold(result.name)}: ${palette.red(palette.bold('ERROR'))}  ${result.error.name}: ${oneLine(result.error.message)} (${where})`,
    ];
  }
  const { stats } = result;
  const status = result.ok ? palette.green(palette.bold('PASS')) : palette.red(palette.bold('FAIL'));
  const rme = stats.rme === null ? '' : ` ±${formatPercent(stats.rme)}`;
  let headline = `${palette.bold(result.name)}: ${status}  mean ${time(stats.mean)}${rme}  p95 ${time(stats.p95)}`;
  if (result.thresholds.length > 0) {
    headline += `  (thresholds: ${result.thresholds.map((v) => verdictMark(v, palette)).join(', ')})`;
  }
  const figures = [
    `${formatCount(stats.count)} ${stats.count === 1 ? 'call' : 'calls'}`,
    `min ${time(stats.min)}`,
    `p50 ${time(stats.p50)}`,
    `p99 ${time(stats.p99)}`,
    `max ${time(stats.max)}`,
    `sd ${time(stats.stdev)}`,
    `${perSecond(stats.opsPerSec)} ops/s`,
    result.mode,
  ];
  const lines = [headline, ...wrapParts(figures, width, INDENT)];
  if (stats.mean < 0.001) {
    lines.push(
      palette.dim(
        `${' '.repeat(INDENT)}loop overhead of ${result.overheadNs}ns per call subtracted; below ~1µs figures are estimates`,
      ),
    );
  }
  lines.push(...wrapParts(resourceParts(result.resources.generator, palette), width, INDENT, 'volley:'));
  for (const target of result.resources.targets) {
    lines.push(...wrapParts(resourceParts(target, palette), width, INDENT, `${targetLabel(target)}:`));
  }
  for (const warning of result.warnings)
    lines.push(palette.yellow(`${' '.repeat(INDENT)}! ${oneLine(warning)}`));
  return lines;
}

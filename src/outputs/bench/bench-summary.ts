/**
 * The terminal output of `volley bench`: each entry's block as it finishes (`formatSuiteEntry`),
 * then a table of the benchmarks, the comparison with a baseline, and the verdict last, where
 * the eye lands (`formatBenchSummary`). `formatBenchReport` renders a whole saved report at
 * once. Pure functions of the report, like `summary.ts`.
 */

import type { BenchComparison, MetricChange } from '../../bench/bench-compare.js';
import type { BenchReport, SuiteResult } from '../../bench/bench-report.js';
import type { CompletedBench } from '../../bench/bench-result.js';
import { comparisonFailures, resultFailures } from '../../bench/failures.js';
import { palette as makePalette, type Palette } from '../color.js';
import { formatCount, formatPercent, MISSING } from '../../core/units/index.js';
import { renderTable } from '../table.js';
import { formatBenchBlock } from './bench-block.js';
import { perSecond, time } from './parts.js';
import { formatStressBlock } from './stress-block.js';

export interface BenchOutputOptions {
  color: boolean;
  /** Terminal width to fit; default 120. */
  width?: number;
}

const DEFAULT_WIDTH = 120;
const MIN_WIDTH = 60;

function widthOf(options: BenchOutputOptions): number {
  return Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
}

/** One entry's block, without a trailing newline. */
export function formatSuiteEntry(result: SuiteResult, options: BenchOutputOptions): string {
  const palette = makePalette(options.color);
  const lines =
    result.kind === 'bench'
      ? formatBenchBlock(result, palette, widthOf(options))
      : formatStressBlock(result, palette, widthOf(options));
  return lines.join('\n');
}

function benchTable(report: BenchReport, palette: Palette, width: number): string[] {
  const benches = report.results.filter(
    (r): r is CompletedBench => r.kind === 'bench' && r.state === 'completed',
  );
  if (benches.length < 2) return [];
  const right = { align: 'right' as const };
  return [
    palette.bold('Benchmarks'),
    ...renderTable({
      columns: [
        { header: 'Name', shrink: 'middle' },
        { header: 'Calls', ...right },
        { header: 'Mean', ...right },
        { header: '±', ...right },
        { header: 'SD', ...right },
        { header: 'Min', ...right },
        { header: 'p50', ...right },
        { header: 'p95', ...right },
        { header: 'p99', ...right },
        { header: 'Max', ...right },
        { header: 'Ops/s', ...right },
        { header: 'Result' },
      ],
      rows: benches.map((b) => [
        b.name,
        formatCount(b.stats.count),
        time(b.stats.mean),
        b.stats.rme === null ? MISSING : formatPercent(b.stats.rme),
        time(b.stats.stdev),
        time(b.stats.min),
        time(b.stats.p50),
        time(b.stats.p95),
        time(b.stats.p99),
        time(b.stats.max),
        perSecond(b.stats.opsPerSec),
        b.ok ? { text: 'PASS', style: palette.green } : { text: 'FAIL', style: palette.red },
      ]),
      indent: 2,
      maxWidth: width,
      headerStyle: palette.bold,
      ruleStyle: palette.dim,
    }),
  ];
}

function changeText(change: MetricChange): string {
  const value = (v: number): string =>
    change.metric === 'mean'
      ? time(v)
      : change.metric === 'successRate'
        ? formatPercent(v, 2)
        : `${perSecond(v)}/s`;
  const name = change.metric === 'opsPerSec' ? 'ops/s' : change.metric === 'successRate' ? 'success' : 'mean';
  const relative =
    change.relativeChange === null
      ? ''
      : ` ${change.relativeChange >= 0 ? '+' : ''}${(change.relativeChange * 100).toFixed(1)}%`;
  return `${name} ${value(change.baseline)} → ${value(change.current)}${relative}`;
}

function comparisonSection(comparison: BenchComparison, palette: Palette, width: number): string[] {
  const paint = (verdict: string): ((text: string) => string) =>
    verdict === 'regressed' ? palette.red : verdict === 'improved' ? palette.green : String;
  const verdictCell = (verdict: string) => ({
    text: verdict === 'unchanged' ? 'no significant change' : verdict,
    style: paint(verdict),
  });
  // One row per metric, the entry's name on its first.
  const rows = comparison.entries.flatMap((entry) =>
    entry.metrics.length === 0
      ? [[entry.label, '', verdictCell(entry.verdict)]]
      : entry.metrics.map((change, i) => [
          i === 0 ? entry.label : '',
          changeText(change),
          verdictCell(change.verdict),
        ]),
  );
  const tolerance = `changes beyond ${formatPercent(comparison.maxRegression, 0)} at ${formatPercent(comparison.confidence, 0)} confidence`;
  return [
    `${palette.bold('Against baseline')} ${comparison.baseline.label} ${palette.dim(`(${tolerance})`)}`,
    ...renderTable({
      columns: [
        { header: 'Name', shrink: 'middle' },
        { header: 'Change', shrink: 'end' },
        { header: 'Verdict' },
      ],
      rows,
      indent: 2,
      maxWidth: width,
      header: false,
    }),
  ];
}

/** Every failed threshold with its measured value, every error, every regression: one per line. */
export function failureLines(report: BenchReport): string[] {
  return [...report.results.flatMap(resultFailures), ...comparisonFailures(report.comparison)];
}

function verdictSection(report: BenchReport, palette: Palette): string[] {
  const benches = report.results.filter((r) => r.kind === 'bench').length;
  const stresses = report.results.length - benches;
  const what = [
    benches > 0 ? `${benches} ${benches === 1 ? 'benchmark' : 'benchmarks'}` : '',
    stresses > 0 ? `${stresses} ${stresses === 1 ? 'stress test' : 'stress tests'}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  if (report.outcome === 'passed') return [palette.bold(palette.green(`PASSED (${what})`))];
  const head = report.outcome === 'aborted' ? `ABORTED after ${what || 'nothing'}` : `FAILED (${what})`;
  return [palette.bold(palette.red(head)), ...failureLines(report).map((line) => palette.red(`  ${line}`))];
}

/** The closing sections: table, comparison, verdict; without a trailing newline. */
export function formatBenchSummary(report: BenchReport, options: BenchOutputOptions): string {
  const palette = makePalette(options.color);
  const width = widthOf(options);
  const sections = [
    benchTable(report, palette, width),
    report.comparison === null ? [] : comparisonSection(report.comparison, palette, width),
    verdictSection(report, palette),
  ].filter((lines) => lines.length > 0);
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

/** A whole report: every entry's block, then the summary. */
export function formatBenchReport(report: BenchReport, options: BenchOutputOptions): string {
  const blocks = report.results.map((result) => formatSuiteEntry(result, options));
  return [...blocks, formatBenchSummary(report, options)].join('\n\n');
}

/**
 * `volley compare` in the terminal: who is compared with whom, one table (an endpoint's name,
 * then a line per metric) and another for custom metrics when the runs have any, warnings, and
 * the verdict. Verdicts are words with a mark (`✗
 * regressed`), so the table reads the same without colour; colour only adds emphasis.
 */

import type { Comparison } from '../../compare/comparison.js';
import { palette } from '../color.js';
import { formatCount } from '../../core/units/index.js';
import { type Cell, type Column, renderTable } from '../table.js';
import {
  formatChange,
  formatEvidence,
  formatRelativeChange,
  formatValue,
  formatWhen,
  headline,
  methodNote,
  verdictMark,
  verdictText,
} from './cells.js';
import { customMetricGroup, endpointGroup, groupNote, type TableGroup } from './groups.js';

export interface TextOptions {
  color?: boolean;
  /** Terminal columns; default 120. */
  width?: number;
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

export function renderComparisonText(comparison: Comparison, options: TextOptions = {}): string {
  const paint = palette(options.color ?? false);
  const width = options.width ?? 120;
  const columns: Column[] = [
    { header: '', shrink: 'middle', minWidth: 24 },
    { header: 'Baseline', align: 'right' },
    { header: 'Current', align: 'right' },
    { header: 'Change', align: 'right' },
    { header: '%', align: 'right' },
    { header: `${Math.round(comparison.settings.confidence * 100)}% interval`, shrink: 'end', minWidth: 12 },
    { header: 'Verdict' },
  ];
  const rows: Cell[][] = [];
  for (const row of [comparison.total, ...comparison.endpoints]) rows.push(...tableRows(endpointGroup(row), paint));
  const table = (body: Cell[][], first: string): string[] =>
    // The last column is padded to its width; trailing blanks only confuse diffs and copy-paste.
    renderTable({
      columns: [{ ...(columns[0] as Column), header: first }, ...columns.slice(1)],
      rows: body,
      maxWidth: width,
      indent: 2,
      headerStyle: paint.dim,
      ruleStyle: paint.dim,
    }).map((line) => line.trimEnd());
  const metricRows = (comparison.metrics ?? []).flatMap((metric) => tableRows(customMetricGroup(metric), paint));

  const { baseline, current } = comparison;
  const lines = [
    paint.bold(`volley compare: ${current.scenario}`),
    runLine('baseline', baseline, paint),
    runLine('current', current, paint),
    '',
    ...table(rows, ''),
    '',
  ];
  if (metricRows.length > 0) lines.push(...table(metricRows, 'Custom metric'), '');
  for (const warning of comparison.warnings) lines.push(...wrap(`! ${warning}`, width, '  '));
  if (comparison.warnings.length > 0) lines.push('');
  const { word, detail } = headline(comparison);
  const mark = comparison.verdict === 'regressed' ? '✗' : comparison.verdict === 'improved' ? '✓' : '=';
  const overall = comparison.verdict === 'regressed' ? paint.red : paint.green;
  lines.push(`  ${overall(paint.bold(`${mark} ${word}`))}: ${detail}`);
  lines.push(...wrap(methodNote(comparison), width, '  ').map((line) => paint.dim(line)));
  return `${lines.join('\n')}\n`;
}

type Paint = ReturnType<typeof palette>;

/**
 * A group's lines in the table: its label with the request or sample counts, then a line per
 * figure (or one line when only one run has it, or nothing was compared).
 */
function tableRows(group: TableGroup, paint: Paint): Cell[][] {
  const label: Cell = { text: group.label, style: paint.bold };
  const counts: Cell[] = [
    { text: group.counts.baseline, style: paint.dim },
    { text: group.counts.current, style: paint.dim },
  ];
  const note = groupNote(group);
  if (note !== undefined) {
    const verdict = group.presence === 'both' ? '' : verdictCell(group.verdict, paint);
    return [[label, ...counts, '', '', note, verdict]];
  }
  const rows: Cell[][] = [
    group.detail === undefined || group.detail === '' ? [label, ...counts] : [label, ...counts, '', '', { text: group.detail, style: paint.dim }],
  ];
  for (const { name, figure } of group.lines) {
    rows.push([
      `  ${name}`,
      formatValue(figure, figure.baseline),
      formatValue(figure, figure.current),
      formatChange(figure),
      figure.unit === 'fraction' ? '' : formatRelativeChange(figure),
      formatEvidence(figure),
      verdictCell(figure.verdict, paint),
    ]);
  }
  return rows;
}

/** `✗ regressed` in red, `✓ improved` in green, anything else dim. */
function verdictCell(verdict: Parameters<typeof verdictText>[0], paint: Paint): Cell {
  const style = verdict === 'regressed' ? paint.red : verdict === 'improved' ? paint.green : paint.dim;
  return { text: `${verdictMark(verdict)} ${verdictText(verdict)}`.trim(), style };
}

/** Who a side of the comparison is: its label, when it ran, how much and how. */
function runLine(name: string, summary: Comparison['baseline'], paint: Paint): string {
  return `  ${name.padEnd(9)}${summary.label}  ${paint.dim(
    `${formatWhen(summary.startedAt)} · ${formatCount(summary.requests)} requests · ${summary.load} · volley ${summary.volley}`,
  )}`;
}

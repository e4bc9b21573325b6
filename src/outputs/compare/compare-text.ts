/**
 * `volley compare` in the terminal: who is compared with whom, one table (an endpoint's name,
 * then a line per metric), warnings, and the verdict. Verdicts are words with a mark (`✗
 * regressed`), so the table reads the same without colour; colour only adds emphasis.
 */

import type { Comparison, RowComparison } from '../../compare/comparison.js';
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
  metricName,
  verdictMark,
  verdictText,
} from './cells.js';

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
  const styleOf = (verdict: string): ((text: string) => string) =>
    verdict === 'regressed' ? paint.red : verdict === 'improved' ? paint.green : paint.dim;
  const verdictCell = (verdict: Parameters<typeof verdictText>[0]): Cell => ({
    text: `${verdictMark(verdict)} ${verdictText(verdict)}`.trim(),
    style: styleOf(verdict),
  });

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
  const requests = (count: number | null): Cell => ({
    text: count === null ? '' : `${formatCount(count)} req`,
    style: paint.dim,
  });
  const addRow = (row: RowComparison): void => {
    const label: Cell = { text: row.label, style: paint.bold };
    if (row.presence !== 'both') {
      const side = row.presence === 'added' ? 'current' : 'baseline';
      rows.push([
        label,
        requests(row.requests.baseline),
        requests(row.requests.current),
        '',
        '',
        `only in the ${side} run`,
        verdictCell(row.verdict),
      ]);
      return;
    }
    rows.push([label, requests(row.requests.baseline), requests(row.requests.current)]);
    for (const metric of row.metrics) {
      rows.push([
        `  ${metricName(metric)}`,
        formatValue(metric, metric.baseline),
        formatValue(metric, metric.current),
        formatChange(metric),
        metric.unit === 'fraction' ? '' : formatRelativeChange(metric),
        formatEvidence(metric),
        verdictCell(metric.verdict),
      ]);
    }
  };
  addRow(comparison.total);
  for (const row of comparison.endpoints) addRow(row);

  const { baseline, current } = comparison;
  const run = (name: string, summary: typeof baseline): string =>
    `  ${name.padEnd(9)}${summary.label}  ${paint.dim(
      `${formatWhen(summary.startedAt)} · ${formatCount(summary.requests)} requests · ${summary.load} · volley ${summary.volley}`,
    )}`;
  const lines = [
    paint.bold(`volley compare: ${current.scenario}`),
    run('baseline', baseline),
    run('current', current),
    '',
    // The last column is padded to its width; trailing blanks only confuse diffs and copy-paste.
    ...renderTable({
      columns,
      rows,
      maxWidth: width,
      indent: 2,
      headerStyle: paint.dim,
      ruleStyle: paint.dim,
    }).map((line) => line.trimEnd()),
    '',
  ];
  for (const warning of comparison.warnings) lines.push(...wrap(`! ${warning}`, width, '  '));
  if (comparison.warnings.length > 0) lines.push('');
  const { word, detail } = headline(comparison);
  const mark = comparison.verdict === 'regressed' ? '✗' : comparison.verdict === 'improved' ? '✓' : '=';
  const overall = comparison.verdict === 'regressed' ? paint.red : paint.green;
  lines.push(`  ${overall(paint.bold(`${mark} ${word}`))}: ${detail}`);
  lines.push(...wrap(methodNote(comparison), width, '  ').map((line) => paint.dim(line)));
  return `${lines.join('\n')}\n`;
}

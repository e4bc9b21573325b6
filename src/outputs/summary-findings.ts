/**
 * The findings sections of the end-of-run summary: status codes, grouped errors, checks,
 * thresholds and warnings. Each returns its lines, or none when there is nothing to say, so
 * `summary.ts` can omit empty sections.
 */

import type { ErrorEntry, Result } from '../metrics/result.js';
import type { Palette } from './color.js';
import { formatCount, formatCountOf, formatDuration, formatPercent, MISSING } from '../core/units/index.js';
import {
  compareByClass,
  compareText,
  isMultiClass,
  rowLabel,
  type SectionContext,
  titled,
} from './summary-tables.js';
import { renderTable } from './table.js';
import { oneLine, truncate } from './text.js';

export const PASS_MARK = '✓';
export const FAIL_MARK = '✗';
const TOP_ERRORS = 10;
/** Longer messages are cut before layout; the table cuts them again to fit the terminal. */
const MESSAGE_CAP = 300;

function statusStyle(code: string, palette: Palette): (text: string) => string {
  if (code === '0' || code.startsWith('5')) return palette.red;
  if (code.startsWith('4')) return palette.yellow;
  if (code.startsWith('2')) return palette.green;
  return String;
}

/** Numeric order, with "0" (no response) last: it is not a status but the lack of one. */
function compareStatus(a: string, b: string): number {
  const rank = (code: string): number => (code === '0' ? Number.POSITIVE_INFINITY : Number(code));
  return rank(a) - rank(b) || compareText(a, b);
}

/** `Status codes  200 ×1,234  429 ×12  0 (no response) ×3`, wrapped under itself if too long. */
export function statusCodeSection(result: Result, context: SectionContext): string[] {
  const codes = Object.entries(result.totals.statusCodes)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => compareStatus(a, b));
  if (codes.length === 0) return [];
  const { palette } = context;
  const title = 'Status codes';
  const hanging = ' '.repeat(title.length + 2);
  const lines: string[] = [];
  let line = palette.bold(title) + '  ';
  let lineWidth = title.length + 2;
  for (const [i, [code, count]] of codes.entries()) {
    const plain = `${code === '0' ? '0 (no response)' : code} ×${formatCount(count)}`;
    const sep = i === 0 ? '' : '  ';
    if (i > 0 && lineWidth + sep.length + plain.length > context.width) {
      lines.push(line);
      line = hanging;
      lineWidth = hanging.length;
    } else {
      line += sep;
      lineWidth += sep.length;
    }
    line += statusStyle(code, palette)(plain);
    lineWidth += plain.length;
  }
  lines.push(line);
  return lines;
}

function firstSeen(error: ErrorEntry, startedAt: number): string {
  const at = Date.parse(error.firstAt);
  if (!Number.isFinite(at) || !Number.isFinite(startedAt)) return MISSING;
  return `+${formatDuration(Math.max(0, at - startedAt))}`;
}

/** The ten most frequent error groups, then a line for the rest. */
export function errorSection(result: Result, context: SectionContext): string[] {
  if (result.errors.length === 0) return [];
  const { palette } = context;
  const errors = [...result.errors].sort(
    (a, b) =>
      b.count - a.count ||
      compareText(a.firstAt, b.firstAt) ||
      compareText(a.endpoint, b.endpoint) ||
      compareText(a.message, b.message),
  );
  const shown = errors.slice(0, TOP_ERRORS);
  const rest = errors.slice(TOP_ERRORS);
  const startedAt = Date.parse(result.startedAt);
  const total = errors.reduce((sum, e) => sum + e.count, 0);
  const lines = renderTable({
    columns: [
      { header: 'count', align: 'right' },
      { header: 'first seen', align: 'right' },
      { header: 'endpoint', shrink: 'middle', minWidth: 16 },
      { header: 'message', shrink: 'end', minWidth: 20 },
    ],
    rows: shown.map((e) => [
      { text: formatCount(e.count), style: palette.red },
      firstSeen(e, startedAt),
      e.endpoint,
      truncate(oneLine(e.message), MESSAGE_CAP),
    ]),
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
  if (rest.length > 0) {
    const restCount = rest.reduce((sum, e) => sum + e.count, 0);
    lines.push(
      ' '.repeat(context.indent) +
        palette.dim(`… ${formatCount(rest.length)} more (${formatCountOf(restCount, 'occurrence')})`),
    );
  }
  const note = `(${formatCountOf(errors.length, 'kind')}, ${formatCountOf(total, 'occurrence')})`;
  return titled('Errors', note, lines, context);
}

/** `✓ has id  1,234/1,234`, `✗ status is 200  98.2% (12 failed)`. */
export function checkSection(result: Result, context: SectionContext): string[] {
  if (result.checks.length === 0) return [];
  const { palette } = context;
  const multiClass = isMultiClass(result);
  const checks = [...result.checks].sort((a, b) => compareByClass(a, b) || compareText(a.name, b.name));
  const lines = renderTable({
    columns: [{ header: '' }, { header: '', shrink: 'end', minWidth: 16, gap: 1 }, { header: '' }],
    rows: checks.map((c) => {
      const total = c.passes + c.fails;
      const ok = c.fails === 0;
      const figure = ok
        ? `${formatCount(c.passes)}/${formatCount(total)}`
        : `${formatPercent(total > 0 ? c.passes / total : 0)} (${formatCount(c.fails)} failed)`;
      const style = ok ? palette.green : palette.red;
      return [
        { text: ok ? PASS_MARK : FAIL_MARK, style },
        rowLabel(c, oneLine(c.name), multiClass),
        { text: figure, style: ok ? undefined : palette.red },
      ];
    }),
    header: false,
    maxWidth: context.width,
    indent: context.indent,
  });
  return titled('Checks', '', lines, context);
}

/** One line per threshold: mark, expression, the measured value, and why, when it says. */
export function thresholdSection(result: Result, context: SectionContext): string[] {
  if (result.thresholds.length === 0) return [];
  const { palette } = context;
  const pad = ' '.repeat(context.indent);
  const lines = result.thresholds.map((t) => {
    const actual = t.actualText === '' ? '' : ` (actual ${t.actualText})`;
    const note = t.note === undefined || t.note === '' ? '' : ` — ${t.note}`;
    const text = truncate(
      `${t.ok ? PASS_MARK : FAIL_MARK} ${t.expression}${actual}${note}`,
      context.width - context.indent,
    );
    return pad + (t.ok ? palette.green : palette.red)(text);
  });
  return titled('Thresholds', '', lines, context);
}

/** Reasons to distrust the numbers, such as a saturated load generator. */
export function warningSection(result: Result, context: SectionContext): string[] {
  if (result.warnings.length === 0) return [];
  const { palette } = context;
  const pad = ' '.repeat(context.indent);
  const lines = result.warnings.map((w) => pad + palette.yellow(`! ${oneLine(w)}`));
  return [palette.yellow(palette.bold('Warnings')), ...lines];
}

/**
 * A small column-aligned text table for terminal reports. Widths come from the content; when
 * the table would exceed `maxWidth`, the columns marked `shrink` give up width (the widest
 * first) and their cells are truncated with `…`, so one long request name cannot wrap every
 * row. Every line of a table has the same width, so columns stay aligned in any font that is
 * monospaced. Colour is applied after padding, so escapes never disturb the layout.
 */

import { textWidth, truncate } from './text.js';

export interface Column {
  header: string;
  /** Numbers are right-aligned; text is left-aligned (the default). */
  align?: 'left' | 'right';
  /**
   * This column may be narrowed to fit, truncating its cells at the end, in the middle, or with
   * a function that knows the text's structure (it must return at most `width` columns).
   */
  shrink?: 'end' | 'middle' | ((text: string, width: number) => string);
  /** Spaces before this column, instead of the table's gap (dense groups of numbers). */
  gap?: number;
  /** The narrowest a shrinking column may become; defaults to its header, and at least 10. */
  minWidth?: number;
}

/** A cell's plain text, and optionally a style (colour) applied once it is laid out. */
export interface StyledCell {
  text: string;
  style?: (text: string) => string;
}

export type Cell = string | StyledCell;

export interface TableOptions {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Rows drawn after a rule, such as an aggregated total. */
  footer?: readonly (readonly Cell[])[];
  /** Default 120 columns. */
  maxWidth?: number;
  /** Spaces between columns; default 2. */
  gap?: number;
  /** Spaces before every line; default 0. */
  indent?: number;
  /** Draw the header row and its rule; default true. */
  header?: boolean;
  headerStyle?: (text: string) => string;
  ruleStyle?: (text: string) => string;
}

const RULE = '─';
const DEFAULT_MIN_SHRINK = 10;

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.text;
}

function cellStyle(cell: Cell | undefined): ((text: string) => string) | undefined {
  return cell === undefined || typeof cell === 'string' ? undefined : cell.style;
}

/** Column widths that fit `available` columns of content, narrowing shrinkable columns. */
function fitWidths(columns: readonly Column[], natural: number[], available: number): number[] {
  const widths = [...natural];
  const minimum = columns.map((column, i) =>
    column.shrink === undefined
      ? (natural[i] as number)
      : Math.min(
          natural[i] as number,
          column.minWidth ?? Math.max(textWidth(column.header), DEFAULT_MIN_SHRINK),
        ),
  );
  let overflow = widths.reduce((sum, w) => sum + w, 0) - available;
  while (overflow > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if ((widths[i] as number) <= (minimum[i] as number)) continue;
      if (widest === -1 || (widths[i] as number) > (widths[widest] as number)) widest = i;
    }
    if (widest === -1) break;
    widths[widest] = (widths[widest] as number) - 1;
    overflow -= 1;
  }
  return widths;
}

function fitCell(text: string, width: number, column: Column): string {
  if (textWidth(text) <= width) return text;
  const shrink = column.shrink ?? 'end';
  return typeof shrink === 'function' ? truncate(shrink(text, width), width) : truncate(text, width, shrink);
}

function layoutCell(text: string, width: number, column: Column): string {
  const fitted = fitCell(text, width, column);
  const pad = ' '.repeat(Math.max(0, width - textWidth(fitted)));
  return column.align === 'right' ? pad + fitted : fitted + pad;
}

/** Renders the table as lines (without newlines). */
export function renderTable(options: TableOptions): string[] {
  const { columns, rows, footer = [] } = options;
  const gaps = columns.map((column, i) => (i === 0 ? 0 : (column.gap ?? options.gap ?? 2)));
  const indent = ' '.repeat(options.indent ?? 0);
  const showHeader = options.header ?? true;
  const allRows = [...rows, ...footer];

  const natural = columns.map((column, i) =>
    allRows.reduce(
      (width, row) => Math.max(width, textWidth(cellText(row[i]))),
      showHeader ? textWidth(column.header) : 0,
    ),
  );
  const chrome = indent.length + gaps.reduce((sum, g) => sum + g, 0);
  const widths = fitWidths(columns, natural, (options.maxWidth ?? 120) - chrome);
  const tableWidth = chrome + widths.reduce((sum, w) => sum + w, 0);
  const rule = indent + (options.ruleStyle ?? String)(RULE.repeat(tableWidth - indent.length));

  const line = (row: readonly Cell[], style?: (text: string) => string): string =>
    indent +
    columns
      .map((column, i) => {
        const laidOut = layoutCell(cellText(row[i]), widths[i] as number, column);
        const paint = cellStyle(row[i]) ?? style;
        if (paint === undefined) return laidOut;
        // Style only the visible text, so padding stays plain and widths stay exact.
        const start = laidOut.length - laidOut.trimStart().length;
        const end = laidOut.trimEnd().length;
        if (end <= start) return laidOut;
        return laidOut.slice(0, start) + paint(laidOut.slice(start, end)) + laidOut.slice(end);
      })
      .map((cell, i) => ' '.repeat(gaps[i] as number) + cell)
      .join('');

  const lines: string[] = [];
  if (showHeader) {
    lines.push(
      line(
        columns.map((column) => column.header),
        options.headerStyle,
      ),
      rule,
    );
  }
  for (const row of rows) lines.push(line(row));
  if (footer.length > 0) {
    lines.push(rule);
    for (const row of footer) lines.push(line(row));
  }
  return lines;
}

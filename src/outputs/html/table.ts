/**
 * The report's tables. Numbers are right-aligned and carry their exact value in `data-v`, so the
 * page script sorts on values (1,210 after 990), never on formatted text. A sortable table marks
 * its initial order with `aria-sort`, and each header is a button, so sorting also works from a
 * keyboard and is announced by screen readers.
 */

import { type HtmlValue, html, type SafeHtml } from './html.js';

export interface Column {
  label: HtmlValue;
  /** `num`: right-aligned, sorted by `data-v`; `text`: sorted by the cell's text. */
  kind: 'num' | 'text';
  /** A tooltip explaining the column. */
  title?: string;
  /** False for columns not worth sorting by (a ✓/✗ mark beside a sortable rate). */
  sortable?: boolean;
}

export interface Cell {
  content: HtmlValue;
  /** The value a numeric column sorts by. */
  value?: number;
  className?: string;
  title?: string;
}

export interface TableOptions {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  /** Rows kept below the body and out of sorting (the "all requests" total). */
  foot?: readonly (readonly Cell[])[];
  /** Makes headers clickable; the rows must already be in this order. */
  sortedBy?: { column: number; direction: 'ascending' | 'descending' };
  className?: string;
}

/** A cell for a number: its text, and the value it sorts by. */
export function num(value: number, text: string, className?: string): Cell {
  return { content: text, value, className: className === undefined ? 'num' : `num ${className}` };
}

export function text(content: HtmlValue, className?: string, title?: string): Cell {
  return { content, className, title };
}

function renderCell(cell: Cell, column: Column | undefined): SafeHtml {
  const className = cell.className ?? (column?.kind === 'num' ? 'num' : undefined);
  const value = cell.value === undefined || !Number.isFinite(cell.value) ? undefined : String(cell.value);
  return html`<td${className === undefined ? '' : html` class="${className}"`}${
    value === undefined ? '' : html` data-v="${value}"`
  }${cell.title === undefined ? '' : html` title="${cell.title}"`}>${cell.content}</td>`;
}

function renderHeader(column: Column, index: number, sortedBy: TableOptions['sortedBy']): SafeHtml {
  const className = column.kind === 'num' ? 'num' : undefined;
  const classAttr = className === undefined ? '' : html` class="${className}"`;
  const titleAttr = column.title === undefined ? '' : html` title="${column.title}"`;
  if (sortedBy === undefined || column.sortable === false)
    return html`<th scope="col"${classAttr}${titleAttr}>${column.label}</th>`;
  const sort = sortedBy.column === index ? html` aria-sort="${sortedBy.direction}"` : '';
  return html`<th scope="col"${classAttr}${titleAttr}${sort}><button type="button" class="sort" data-col="${index}" data-kind="${column.kind}">${column.label}<span class="arrow" aria-hidden="true"></span></button></th>`;
}

export function renderTable(options: TableOptions): SafeHtml {
  const { columns, sortedBy } = options;
  const classes = [options.className, sortedBy === undefined ? undefined : 'sortable']
    .filter((c) => c !== undefined)
    .join(' ');
  const row = (cells: readonly Cell[]) =>
    html`<tr>${cells.map((cell, i) => renderCell(cell, columns[i]))}</tr>`;
  const foot = options.foot ?? [];
  return html`<div class="table-wrap"><table${classes === '' ? '' : html` class="${classes}"`}>
<thead><tr>${columns.map((c, i) => renderHeader(c, i, sortedBy))}</tr></thead>
<tbody>${options.rows.map((cells) => row(cells))}</tbody>${
    foot.length === 0 ? '' : html`<tfoot>${foot.map((cells) => row(cells))}</tfoot>`
  }
</table></div>`;
}

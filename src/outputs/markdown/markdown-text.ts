/**
 * GitHub-flavoured Markdown building blocks: inline text escaped so request names, error
 * messages and threshold expressions print as written (a `|` cannot split a table cell, a
 * backtick cannot open code, `<script>` stays text, `/items/[id]` is not a link), and pipe tables.
 */

/** Characters with a Markdown meaning inside a line, escaped with a backslash. */
const PUNCTUATION = /[\\`*_~[\]|]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Inline text: one line (line breaks become spaces), every special character escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(PUNCTUATION, (char) => `\\${char}`)
    .replace(/[&<>]/g, (char) => HTML[char] ?? char);
}

export type Align = 'left' | 'center' | 'right';

export interface Column {
  /** Heading text, escaped here. */
  heading: string;
  align: Align;
}

const DELIMITER: Record<Align, string> = { left: '---', center: ':-:', right: '---:' };

/** A pipe table; `rows` hold cells already escaped (they may carry deliberate markup). */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => (column.heading === '' ? ' ' : escapeMarkdown(column.heading)))),
    line(columns.map((column) => DELIMITER[column.align])),
    ...rows.map(line),
  ];
}

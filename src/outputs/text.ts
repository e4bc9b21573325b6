/**
 * Measuring and fitting text for a terminal: width counts code points of the visible text
 * (colour escapes excluded), and truncation marks what it cut with `…`. East Asian wide
 * characters are counted as one column; request names and messages are rarely written in them.
 */

import { stripAnsi } from './color.js';

export const ELLIPSIS = '…';

/** Columns the text occupies. */
export function textWidth(text: string): number {
  let width = 0;
  for (const _ of stripAnsi(text)) width += 1;
  return width;
}

/**
 * Fits plain text into `width` columns. `middle` keeps both ends, which is what tells request
 * names apart (`/api/v1/gen…/create` vs `/api/v1/gen…/status`); `end` keeps the beginning, which
 * is where messages say what went wrong.
 */
export function truncate(text: string, width: number, where: 'end' | 'middle' = 'end'): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  if (width === 1) return ELLIPSIS;
  if (where === 'end') return chars.slice(0, width - 1).join('') + ELLIPSIS;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return chars.slice(0, head).join('') + ELLIPSIS + (tail > 0 ? chars.slice(-tail).join('') : '');
}

/** Collapses runs of whitespace (newlines in stack traces, indented JSON) to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

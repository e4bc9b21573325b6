/**
 * Byte-level readers of HTTP/1.1 text for the response parser: finding the end of a head,
 * comparing header names and list tokens without making strings, and reading decimal lengths
 * and hex chunk sizes in place.
 */

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** The index just past the blank line ending a head that starts at `start`, or -1. */
export function headEnd(buffer: Buffer, start: number): number {
  let from = start;
  for (;;) {
    const lf = buffer.indexOf(LF, from);
    if (lf === -1) return -1;
    // LF LF, or LF CR LF: the line before was the last.
    const next = buffer[lf + 1];
    if (next === LF) return lf + 2;
    if (next === CR) {
      if (lf + 2 >= buffer.length) return -1;
      if (buffer[lf + 2] === LF) return lf + 3;
    }
    if (next === undefined) return -1;
    from = lf + 1;
  }
}

export function isSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB;
}

/** Whether the header name at `at` is `lower` (same length already checked), ignoring case. */
export function nameIs(buffer: Buffer, at: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    if (((buffer[at + i] as number) | 0x20) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether the comma-separated list in `buffer[start, end)` holds `token` (lowercase), ignoring case. */
export function hasToken(buffer: Buffer, start: number, end: number, token: string): boolean {
  let item = start;
  while (item < end) {
    while (item < end && (isSpace(buffer[item] as number) || buffer[item] === 0x2c)) item++;
    let itemEnd = item;
    while (itemEnd < end && buffer[itemEnd] !== 0x2c) itemEnd++;
    let trimmed = itemEnd;
    while (trimmed > item && isSpace(buffer[trimmed - 1] as number)) trimmed--;
    if (trimmed - item === token.length && nameIs(buffer, item, token)) return true;
    item = itemEnd + 1;
  }
  return false;
}

/** Whether the last item of the list in `buffer[start, end)` is `token`, ignoring case. */
export function endsWithToken(buffer: Buffer, start: number, end: number, token: string): boolean {
  let itemStart = end;
  while (itemStart > start && buffer[itemStart - 1] !== 0x2c) itemStart--;
  while (itemStart < end && isSpace(buffer[itemStart] as number)) itemStart++;
  return end - itemStart === token.length && nameIs(buffer, itemStart, token);
}

/** A decimal length, or -1 when it is not one. */
export function parseLength(buffer: Buffer, start: number, end: number): number {
  if (start === end || end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (buffer[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** A hex chunk size before any `;extension`, or -1. */
export function parseChunkSize(buffer: Buffer, start: number, end: number): number {
  let value = 0;
  let digits = 0;
  let i = start;
  for (; i < end; i++) {
    const byte = buffer[i] as number;
    let digit: number;
    if (byte >= 0x30 && byte <= 0x39) digit = byte - 0x30;
    else if (byte >= 0x61 && byte <= 0x66) digit = byte - 0x57;
    else if (byte >= 0x41 && byte <= 0x46) digit = byte - 0x37;
    else break;
    if (++digits > 13) return -1;
    value = value * 16 + digit;
  }
  if (digits === 0) return -1;
  while (i < end && isSpace(buffer[i] as number)) i++;
  if (i < end && buffer[i] !== 0x3b) return -1; // only `;ext` may follow the size
  return value;
}

export function bytesEqual(expected: Buffer, buffer: Buffer, start: number, end: number): boolean {
  if (expected.length !== end - start) return false;
  for (let i = 0; i < expected.length; i++) if (expected[i] !== buffer[start + i]) return false;
  return true;
}

export function preview(buffer: Buffer, start: number): string {
  const lf = buffer.indexOf(LF, start);
  return buffer.toString('latin1', start, Math.min(lf === -1 ? buffer.length : lf, start + 80)).trimEnd();
}

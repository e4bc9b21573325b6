/**
 * Reading a response head in place: the status line, then the header lines, of which only the
 * framing ones are interpreted (`content-length`, `transfer-encoding`, `connection`) and
 * `set-cookie` noticed; the rest stay bytes for the script to parse if it reads them. What is
 * read lands in a `ResponseHead` the parser owns and refills for every response, so reading a
 * head allocates nothing.
 *
 * Strict where leniency would misframe the next response (RFC 9112 §5.1, §6.3): whitespace in a
 * header name, line folding, conflicting content-lengths, and a content-length next to a
 * transfer-encoding are refused, as llhttp does.
 */

import { endsWithToken, hasToken, isSpace, nameIs, parseLength, preview } from './http-text.js';
import { ResponseParseError } from './response-parse-error.js';

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;

/** What one response head says. Ranges are indexes into the buffer the head was read from. */
export class ResponseHead {
  status = 0;
  /** The `x` of HTTP/1.x: 0 or 1. */
  minor = 1;
  /** The reason phrase is `[reasonStart, reasonEnd)` (maybe empty). */
  reasonStart = 0;
  reasonEnd = 0;
  /** The header lines as received are `[blockStart, blockEnd)`: without the status line and the blank line. */
  blockStart = 0;
  blockEnd = 0;
  /** -1 when absent. */
  contentLength = -1;
  /** The last transfer coding is `chunked`. */
  chunked = false;
  /** A `transfer-encoding` header is present. */
  transferEncoding = false;
  /** `connection: close` was said (it always wins). */
  close = false;
  /** `connection: keep-alive` was said (what keeps an HTTP/1.0 connection open). */
  keepAliveSaid = false;
  /** A `set-cookie` header is among the lines. */
  setCookie = false;
}

/**
 * Reads the status line starting at `start` into `head` (status, minor version, reason phrase,
 * where the header lines begin): HTTP/1.x SP 3DIGIT [SP reason] EOL. Any three digits are a
 * status (RFC 9110 §15 leaves unknown codes to their class, and 999 or 600 are sent by real
 * sites and taken by Node). The line's end must lie in the buffer (the head is complete).
 */
export function readStatusLine(buffer: Buffer, start: number, head: ResponseHead): void {
  const lineEnd = buffer.indexOf(LF, start);
  if (
    lineEnd - start < 12 ||
    buffer[start] !== 0x48 || // H
    buffer[start + 1] !== 0x54 || // T
    buffer[start + 2] !== 0x54 || // T
    buffer[start + 3] !== 0x50 || // P
    buffer[start + 4] !== 0x2f || // /
    buffer[start + 5] !== 0x31 || // 1
    buffer[start + 6] !== 0x2e || // .
    buffer[start + 8] !== SPACE
  ) {
    throw new ResponseParseError(`not an HTTP/1.x response: ${JSON.stringify(preview(buffer, start))}`);
  }
  const minor = (buffer[start + 7] as number) - 0x30;
  const d0 = (buffer[start + 9] as number) - 0x30;
  const d1 = (buffer[start + 10] as number) - 0x30;
  const d2 = (buffer[start + 11] as number) - 0x30;
  if (
    (minor !== 0 && minor !== 1) ||
    d0 < 0 ||
    d0 > 9 ||
    d1 < 0 ||
    d1 > 9 ||
    d2 < 0 ||
    d2 > 9 ||
    (buffer[start + 12] !== SPACE && buffer[start + 12] !== CR && buffer[start + 12] !== LF)
  ) {
    throw new ResponseParseError(`bad status line: ${JSON.stringify(preview(buffer, start))}`);
  }
  head.status = d0 * 100 + d1 * 10 + d2;
  head.minor = minor;
  const reasonStart = buffer[start + 12] === SPACE ? start + 13 : start + 12;
  const reasonEnd = lineEnd > start && buffer[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
  head.reasonStart = reasonStart;
  head.reasonEnd = Math.max(reasonStart, reasonEnd);
  head.blockStart = lineEnd + 1;
}

/**
 * Reads the header lines from `head.blockStart` up to the blank line before `end` into `head`'s
 * framing fields and `blockEnd`. Only the framing headers are read; the rest stay bytes.
 */
export function readHeaderLines(buffer: Buffer, end: number, head: ResponseHead): void {
  head.contentLength = -1;
  head.chunked = false;
  head.transferEncoding = false;
  head.close = false;
  head.keepAliveSaid = false;
  head.setCookie = false;
  let line = head.blockStart;
  let blockEnd = line;
  while (line < end) {
    let eol = buffer.indexOf(LF, line);
    if (eol === -1 || eol >= end) eol = end - 1;
    const contentEnd = eol > line && buffer[eol - 1] === CR ? eol - 1 : eol;
    if (contentEnd === line) break; // the blank line
    blockEnd = eol + 1;
    const first = buffer[line] as number;
    if (first === SPACE || first === TAB) throw new ResponseParseError('obsolete header line folding is not supported');
    const colon = buffer.indexOf(COLON, line);
    if (colon === -1 || colon >= contentEnd || colon === line)
      throw new ResponseParseError(`bad header line: ${JSON.stringify(buffer.toString('latin1', line, contentEnd))}`);
    // `Content-Length : 5` or `Transfer Encoding: chunked` would frame differently in another
    // parser: whitespace in a name is refused (RFC 9112 §5.1), as llhttp does.
    for (let i = line; i < colon; i++) {
      const byte = buffer[i] as number;
      if (byte === SPACE || byte === TAB)
        throw new ResponseParseError(`bad header name: ${JSON.stringify(buffer.toString('latin1', line, colon))}`);
    }
    let valueStart = colon + 1;
    let valueEnd = contentEnd;
    while (valueStart < valueEnd && isSpace(buffer[valueStart] as number)) valueStart++;
    while (valueEnd > valueStart && isSpace(buffer[valueEnd - 1] as number)) valueEnd--;
    readFramingHeader(buffer, line, colon - line, valueStart, valueEnd, head);
    line = eol + 1;
  }
  head.blockEnd = blockEnd;
  if (head.transferEncoding && head.contentLength !== -1)
    throw new ResponseParseError('the response has both transfer-encoding and content-length');
}

/** Notes the header whose name starts at `line` when it is one that frames the response (by length first). */
function readFramingHeader(
  buffer: Buffer,
  line: number,
  nameLength: number,
  valueStart: number,
  valueEnd: number,
  head: ResponseHead,
): void {
  switch (nameLength) {
    case 10:
      if (nameIs(buffer, line, 'connection')) {
        if (hasToken(buffer, valueStart, valueEnd, 'close')) head.close = true;
        else if (hasToken(buffer, valueStart, valueEnd, 'keep-alive')) head.keepAliveSaid = true;
      } else if (nameIs(buffer, line, 'set-cookie')) {
        head.setCookie = true;
      }
      break;
    case 14:
      if (nameIs(buffer, line, 'content-length')) {
        const value = parseLength(buffer, valueStart, valueEnd);
        if (value < 0 || (head.contentLength !== -1 && head.contentLength !== value))
          throw new ResponseParseError(
            `bad content-length: ${JSON.stringify(buffer.toString('latin1', valueStart, valueEnd))}`,
          );
        head.contentLength = value;
      }
      break;
    case 17:
      if (nameIs(buffer, line, 'transfer-encoding')) {
        head.transferEncoding = true;
        // The last coding decides: `gzip, chunked` is chunked, `chunked, gzip` is not.
        head.chunked = endsWithToken(buffer, valueStart, valueEnd, 'chunked');
      }
      break;
  }
}

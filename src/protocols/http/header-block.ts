/**
 * Response headers as the parser hands them over: the header lines as received, one Buffer.
 * Nothing is decoded on the request path: the object a script reads is built only when it reads
 * `res.headers`, cookies are read out only when the parser saw a `set-cookie`, and `location` only
 * when the status is a redirect the client may follow.
 */

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Calls `each` with the name and value bounds of every header line in `block`. */
function forEachHeader(
  block: Buffer,
  each: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void,
): void {
  let line = 0;
  while (line < block.length) {
    let eol = block.indexOf(LF, line);
    if (eol === -1) eol = block.length;
    const end = eol > line && block[eol - 1] === CR ? eol - 1 : eol;
    const colon = block.indexOf(COLON, line);
    if (colon !== -1 && colon < end) {
      let valueStart = colon + 1;
      let valueEnd = end;
      while (valueStart < valueEnd && (block[valueStart] === 0x20 || block[valueStart] === 0x09)) valueStart++;
      while (valueEnd > valueStart && (block[valueEnd - 1] === 0x20 || block[valueEnd - 1] === 0x09)) valueEnd--;
      each(line, colon, valueStart, valueEnd);
    }
    line = eol + 1;
  }
}

/** Lowercase-keyed headers; repeats joined with `, `, except `set-cookie`, always an array. */
export function parseHeaderBlock(block: Buffer): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  forEachHeader(block, (nameStart, nameEnd, valueStart, valueEnd) => {
    const name = block.toString('latin1', nameStart, nameEnd).toLowerCase();
    const value = block.toString('latin1', valueStart, valueEnd);
    const prev = out[name];
    if (name === 'set-cookie') {
      if (prev === undefined) out[name] = [value];
      else (prev as string[]).push(value);
    } else {
      out[name] = prev === undefined ? value : `${prev as string}, ${value}`;
    }
  });
  return out;
}

/** The values of the block's `set-cookie` headers, in order. */
export function setCookieValues(block: Buffer): string[] {
  const out: string[] = [];
  forEachHeader(block, (nameStart, nameEnd, valueStart, valueEnd) => {
    if (nameEnd - nameStart === 10 && block.toString('latin1', nameStart, nameEnd).toLowerCase() === 'set-cookie') {
      out.push(block.toString('latin1', valueStart, valueEnd));
    }
  });
  return out;
}

/**
 * The value of the first `lowerName` header in `block`, or undefined. Read only off the request
 * path (a redirect's `location`); `encoding` is how its bytes are decoded.
 */
export function headerValue(block: Buffer, lowerName: string, encoding: BufferEncoding = 'latin1'): string | undefined {
  let value: string | undefined;
  forEachHeader(block, (nameStart, nameEnd, valueStart, valueEnd) => {
    if (value === undefined && nameEnd - nameStart === lowerName.length) {
      if (block.toString('latin1', nameStart, nameEnd).toLowerCase() === lowerName) {
        value = block.toString(encoding, valueStart, valueEnd);
      }
    }
  });
  return value;
}

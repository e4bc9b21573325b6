/**
 * Response headers as undici's legacy handler hands them over: a flat `Buffer[]` of name, value,
 * name, value. Nothing is decoded on the request path: `isSetCookie` compares bytes so the client
 * can spot cookies without making a string of every header name, and `parseRawHeaders` builds the
 * object a script reads only when it reads it.
 */

/** `set-cookie`, lowercase; ASCII letters fold to lowercase with `| 0x20` and `-` is unchanged by it. */
const SET_COOKIE = Buffer.from('set-cookie', 'latin1');

/** Whether a raw header name is `Set-Cookie`, in any case, without allocating. */
export function isSetCookie(name: Buffer): boolean {
  if (name.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    if (((name[i] as number) | 0x20) !== SET_COOKIE[i]) return false;
  }
  return true;
}

/** Lowercase-keyed headers; repeats joined with `, `, except `set-cookie`, always an array. */
export function parseRawHeaders(rawHeaders: readonly Buffer[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as Buffer).toString('latin1').toLowerCase();
    const value = (rawHeaders[i + 1] as Buffer).toString('latin1');
    const prev = out[name];
    if (name === 'set-cookie') {
      if (prev === undefined) out[name] = [value];
      else (prev as string[]).push(value);
    } else {
      out[name] = prev === undefined ? value : `${prev as string}, ${value}`;
    }
  }
  return out;
}

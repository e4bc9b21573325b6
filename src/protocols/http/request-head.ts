/**
 * The bytes of a request head: `METHOD path HTTP/1.1`, the origin's `host` and `connection`
 * lines, the headers, a `content-length` when there is a body (or the method expects one), and
 * the blank line. Heads are latin1 strings; the client caches the ones it sends again and again
 * as Buffers (`HeadCache`), so a steady load writes prebuilt bytes.
 */

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Bytes a request target may not carry as they are (RFC 3986 allows printable ASCII only). */
const UNSAFE_IN_PATH = /[^\x21-\x7e]/;

/** Throws a TypeError naming the header when it cannot be sent as is. */
export function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) throw new TypeError(`invalid header name ${JSON.stringify(name)}`);
  if (hasControlCharacter(value)) throw new TypeError(`invalid value for header '${name}': ${JSON.stringify(value)}`);
}

/** Control characters other than tab would end or split a header line. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** `name: value\r\n` for each pair of a flat header list. */
export function headerLines(flat: readonly string[]): string {
  let lines = '';
  for (let i = 0; i + 1 < flat.length; i += 2) lines += `${flat[i] as string}: ${flat[i + 1] as string}\r\n`;
  return lines;
}

/**
 * The path as it goes on the wire: characters outside printable ASCII (spaces, non-ASCII
 * letters) percent-encoded as UTF-8, the way browsers send them; everything else untouched, so an
 * already encoded path is not encoded twice.
 */
export function wirePath(path: string): string {
  if (!UNSAFE_IN_PATH.test(path)) return path;
  let out = '';
  for (const char of path) {
    const code = char.codePointAt(0) as number;
    out += code > 0x20 && code < 0x7f ? char : encodeURIComponent(char);
  }
  return out;
}

/** The whole head; `contentLength` -1 for none. */
export function requestHead(
  method: string,
  path: string,
  hostLines: string,
  lines: string,
  contentLength: number,
): string {
  const length = contentLength < 0 ? '' : `content-length: ${contentLength}\r\n`;
  return `${method} ${path} HTTP/1.1\r\n${hostLines}${lines}${length}\r\n`;
}

/**
 * Prebuilt heads of the requests a client sends with its default headers and no body, by method
 * and path. Bounded, since paths with ids in them would otherwise grow it forever; past the
 * bound, heads are built per request.
 */
export class HeadCache {
  private readonly byMethod: Map<string, Buffer>[] = [];

  constructor(private readonly limit = 512) {}

  get(methodIndex: number, path: string): Buffer | undefined {
    return this.byMethod[methodIndex]?.get(path);
  }

  set(methodIndex: number, path: string, head: string): Buffer {
    const bytes = Buffer.from(head, 'latin1');
    let paths = this.byMethod[methodIndex];
    if (paths === undefined) {
      paths = new Map();
      this.byMethod[methodIndex] = paths;
    }
    if (paths.size < this.limit) paths.set(path, bytes);
    return bytes;
  }
}

/**
 * The head cache of clients that share default headers (`headers`, the clients' one
 * `RequestHeaders`) and an origin: their plain requests have the same heads, so every user of a
 * run keeps one copy of each rather than its own. Method indexes are process-wide (`methodInfo`),
 * so one index means one method in every client.
 */
const sharedHeads = new WeakMap<object, WeakMap<object, HeadCache>>();

export function sharedHeadCache(headers: object, origin: object): HeadCache {
  let byOrigin = sharedHeads.get(headers);
  if (byOrigin === undefined) {
    byOrigin = new WeakMap();
    sharedHeads.set(headers, byOrigin);
  }
  let heads = byOrigin.get(origin);
  if (heads === undefined) {
    heads = new HeadCache();
    byOrigin.set(origin, heads);
  }
  return heads;
}

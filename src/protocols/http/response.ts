/**
 * The response a script reads. Everything is lazy: headers stay raw buffers until `headers` is
 * read, the body is decompressed (by its content-encoding) on the first read of `body`, text is
 * decoded on the first `text()`, the URL is joined on each read of `url`. It also
 * remembers where it was recorded (recorder, scope, stats row) so `fail()` and `check()` can amend
 * the stats after the fact.
 *
 * `Exchange` (the request its connection calls back) extends this class, so one object per
 * request serves as both the request in flight and the response the promise resolves to.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import { decodeBody } from './content-decoding.js';
import { headerValue, parseHeaderBlock } from './header-block.js';
import { wirePath } from './request-head.js';
import type { HttpResponse } from './types.js';
import type { OriginInfo } from './url.js';

const EMPTY_BODY: Buffer = Buffer.alloc(0);

export class Response implements HttpResponse {
  status = 0;
  statusText = '';
  error: Error | undefined = undefined;
  failed = false;
  /** The body bytes kept as received (still content-encoded), at most `maxBodySize`. */
  rawBody: Buffer = EMPTY_BODY;
  /** Body bytes received on the wire, kept or not. */
  bodySize = 0;
  /** The body was longer than `maxBodySize` (or discarded): what `body` holds is not all of it. */
  truncated = false;
  /** The cap on kept body bytes this response was read with (for messages). */
  maxBodySize = 0;
  durationUs = 0;
  ttfbUs = 0;
  /** Whether the stats hold this request (false for requests refused because the client was closed). */
  recorded = false;
  /** Redirects followed to get here. */
  redirects = 0;
  /** The header lines as received (`header-block.ts`). */
  protected headerBlock: Buffer = EMPTY_BODY;
  private parsedHeaders: Record<string, string | string[]> | undefined = undefined;
  private decoded: string | undefined = undefined;
  private decodedBody: Buffer | undefined = undefined;

  constructor(
    readonly recorder: MetricsRecorder,
    readonly scope: number,
    readonly endpoint: number,
    readonly method: string,
    readonly name: string,
    /** Where the request went: its origin and path (with the query); a redirect moves them on. */
    public origin: OriginInfo,
    public path: string,
  ) {}

  get url(): string {
    return this.origin.origin + wirePath(this.path);
  }

  get ok(): boolean {
    return !this.failed;
  }

  get headers(): Readonly<Record<string, string | string[]>> {
    this.parsedHeaders ??= parseHeaderBlock(this.headerBlock);
    return this.parsedHeaders;
  }

  get durationMs(): number {
    return this.durationUs / 1000;
  }

  get ttfbMs(): number {
    return this.ttfbUs / 1000;
  }

  /** The body, decoded by its content-encoding on first read; throws a clear error when it cannot be. */
  get body(): Buffer {
    if (this.decodedBody !== undefined) return this.decodedBody;
    const encoding = this.rawBody.length === 0 ? undefined : headerValue(this.headerBlock, 'content-encoding', 'latin1');
    try {
      this.decodedBody =
        encoding === undefined ? this.rawBody : decodeBody(this.rawBody, encoding, this.maxBodySize, this.truncated);
    } catch (cause) {
      throw new Error(`response to ${this.method} ${this.name} (HTTP ${this.status}): ${(cause as Error).message}`, {
        cause,
      });
    }
    if (this.decodedBody !== this.rawBody) this.recorder.bodyDecoded?.(this.rawBody.length, this.decodedBody.length);
    return this.decodedBody;
  }

  text(): string {
    this.decoded ??= this.body.toString('utf8');
    return this.decoded;
  }

  json<T = unknown>(): T {
    if (this.truncated) {
      throw new Error(
        `response to ${this.method} ${this.name} (HTTP ${this.status}) is not JSON that can be read: its body of ` +
          `${this.bodySize} bytes was cut at maxBodySize (${this.maxBodySize} bytes) or discarded; ` +
          'raise maxBodySize (--max-body-size, http.maxBodySize, or the request option) to read it',
      );
    }
    const text = this.text();
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      const start = text.length > 200 ? `${text.slice(0, 200)}…` : text;
      throw new Error(
        `response to ${this.method} ${this.name} (HTTP ${this.status}) is not JSON: ${JSON.stringify(start)}`,
        { cause },
      );
    }
  }

  fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    if (!this.recorded) return;
    this.recorder.markFailed(this.endpoint);
    this.recorder.error(this.endpoint, 'request', reason);
  }
}

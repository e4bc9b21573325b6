/**
 * The response a script reads. Everything is lazy: headers stay raw buffers until `headers` is
 * read, text is decoded on the first `text()`, the URL is joined on each read of `url`. It also
 * remembers where it was recorded (recorder, scope, stats row) so `fail()` and `check()` can amend
 * the stats after the fact.
 *
 * `Exchange` (the request its connection calls back) extends this class, so one object per
 * request serves as both the request in flight and the response the promise resolves to.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import { parseHeaderBlock } from './header-block.js';
import { wirePath } from './request-head.js';
import type { HttpResponse } from './types.js';
import type { OriginInfo } from './url.js';

const EMPTY_BODY: Buffer = Buffer.alloc(0);

export class Response implements HttpResponse {
  status = 0;
  statusText = '';
  error: Error | undefined = undefined;
  failed = false;
  body: Buffer = EMPTY_BODY;
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

  text(): string {
    this.decoded ??= this.body.toString('utf8');
    return this.decoded;
  }

  json<T = unknown>(): T {
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

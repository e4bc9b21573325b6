/**
 * A response whose body arrives in chunks: every byte counted, at most `keepLimit` of them kept
 * (none when bodies are discarded, nor while a redirect is read only to be followed), and the
 * kept chunks joined once, when the response ends. The HTTP/1.1 and HTTP/2 exchanges extend it,
 * so both keep bodies by the same rule. Hot path: no allocation per chunk beyond the list that
 * holds a body of more than one chunk.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import { Response } from './response.js';
import type { OriginInfo } from './url.js';

export abstract class ReceivingResponse extends Response {
  /** Bytes of the body of the response now being read (the hop's, for a redirect followed). */
  protected bodyBytes = 0;
  /** Whether body chunks are kept: not when bodies are discarded, nor for a redirect being followed. */
  protected keepBody: boolean;
  /** Body bytes kept so far (at most `keepLimit`). */
  private keptBytes = 0;
  private firstChunk: Buffer | undefined = undefined;
  private moreChunks: Buffer[] | undefined = undefined;
  /** Body bytes kept for the script (0: discard, count only); the rest is counted and dropped. */
  protected readonly keepLimit: number;

  constructor(
    recorder: MetricsRecorder,
    scope: number,
    endpoint: number,
    method: string,
    name: string,
    origin: OriginInfo,
    path: string,
    keepLimit: number,
  ) {
    super(recorder, scope, endpoint, method, name, origin, path);
    this.keepLimit = keepLimit;
    this.keepBody = keepLimit > 0;
    this.maxBodySize = keepLimit;
  }

  /**
   * One chunk of the body: counted, and kept while there is room. A `transient` chunk is valid
   * only during the call (see ResponseSink), so what is kept of it is copied.
   */
  protected receiveBody(chunk: Buffer, transient = false): void {
    this.bodyBytes += chunk.length;
    if (!this.keepBody) return;
    const room = this.keepLimit - this.keptBytes;
    if (chunk.length > room) {
      // Past the cap the rest of the body is counted, not kept (an endless body costs no memory).
      this.keepBody = false;
      this.truncated = true;
      if (room === 0) return;
      chunk = chunk.subarray(0, room);
    }
    this.keptBytes += chunk.length;
    if (transient) chunk = Buffer.from(chunk);
    if (this.firstChunk === undefined) {
      this.firstChunk = chunk;
    } else {
      this.moreChunks ??= [this.firstChunk];
      this.moreChunks.push(chunk);
    }
  }

  /** Stops keeping this body (a redirect read only to be followed); it is still counted. */
  protected skipBody(): void {
    this.keepBody = false;
  }

  /** A redirect hop reads its own body afresh; returns how many bytes the last hop's body had. */
  protected restartBody(): number {
    const previous = this.bodyBytes;
    this.bodyBytes = 0;
    this.keepBody = this.keepLimit > 0;
    this.keptBytes = 0;
    this.truncated = false;
    return previous;
  }

  /**
   * The response ended: its kept chunks become `rawBody`, its size `bodySize`. A body that was
   * discarded is marked truncated (`json()` then says why); an empty one is whole.
   */
  protected settleBody(discardedMayTruncate: boolean): void {
    if (this.moreChunks !== undefined) this.rawBody = Buffer.concat(this.moreChunks, this.keptBytes);
    else if (this.firstChunk !== undefined) this.rawBody = this.firstChunk;
    this.bodySize = this.bodyBytes;
    if (discardedMayTruncate && this.keepLimit === 0 && this.bodyBytes > 0) this.truncated = true;
  }

  /** Lets go of the chunks (they live on in `rawBody`, joined, if the response ended well). */
  protected releaseBody(): void {
    this.firstChunk = undefined;
    this.moreChunks = undefined;
  }
}

/**
 * A streaming HTTP/1.1 response parser for one keep-alive connection, written for the request
 * loop: it reads the head in place (one `Buffer` view of the header lines, parsed into a record
 * only if the script reads `res.headers`), frames the body by RFC 9112 §6.3 (no body for HEAD,
 * 1xx, 204 and 304; chunked; content-length; else until the connection closes), and hands the
 * body on as views of the socket's own chunks. It allocates nothing per response beyond those
 * views and, when a head arrives split over several reads, one copy of it.
 *
 * It is lenient where servers commonly are sloppy (bare LF line endings, a missing reason phrase,
 * chunk extensions, trailers) and strict where leniency would misframe the next response
 * (conflicting content-lengths, a content-length next to transfer-encoding, bad chunk sizes).
 *
 * This file frames: it finds where a head ends and what follows it (the body by its framing, the
 * chunk lines). Reading what a head says is `response-head.ts`.
 */

import { headEnd, parseChunkSize } from './http-text.js';
import { ReasonPhrases } from './reason-phrases.js';
import { ResponseParseError } from './response-parse-error.js';
import { readHeaderLines, readStatusLine, ResponseHead } from './response-head.js';

/** What the parser reports for each response, in order: one head, body chunks, one end. */
export interface ResponseSink {
  /**
   * The head is complete. `headerBlock` holds the header lines as received (`Name: value`, each
   * ending in CRLF or LF), without the status line and the blank line; `headBytes` is the size of
   * the whole head on the wire; `setCookie` says whether a `set-cookie` header is among them. The
   * block is the sink's to keep.
   */
  onResponseHead(status: number, statusText: string, headerBlock: Buffer, headBytes: number, setCookie: boolean): void;
  /**
   * A piece of the body, as received (chunked framing removed). When `transient`, its bytes are
   * valid only during the call (the socket reads into one buffer it reuses): a sink that keeps
   * them copies them.
   */
  onResponseBody(chunk: Buffer, transient: boolean): void;
  /** The response is complete; `keepAlive` is false when the connection cannot carry another. */
  onResponseEnd(keepAlive: boolean): void;
}

/** A head larger than this is refused (Node's own server limit is 16 KiB; 64 KiB is generous). */
export const MAX_HEAD_BYTES = 64 * 1024;

const enum State {
  /** No request is waiting for a response: bytes now are an error. */
  Idle,
  /** The connection is being torn down: bytes now are ignored. */
  Discard,
  Head,
  Body,
  UntilClose,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
}

const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);

export class ResponseParser {
  private state = State.Idle;
  private headRequest = false;
  /** Bytes of an unfinished head (or chunk-size or trailer line) carried over from earlier reads. */
  private partial: Buffer = EMPTY;
  private remaining = 0;
  private keepAlive = true;
  /** An interim (1xx) response arrived for the request: the server has seen it. */
  private interim = false;
  /** What the head being read says: one object, refilled for every response. */
  private readonly head = new ResponseHead();
  private readonly reasons = new ReasonPhrases();

  constructor(
    private readonly sink: ResponseSink,
    /**
     * Whether the chunks given to execute() are valid only during the call: the socket reads into
     * one buffer that it reuses for the next read (`onread`), which spares an allocation per read.
     * The head block handed to the sink is then copied, and body chunks go out marked transient.
     */
    private readonly transient = false,
  ) {}

  /** Arms the parser for the next response; `headRequest` for a response that has no body. */
  expect(headRequest: boolean): void {
    this.state = State.Head;
    this.headRequest = headRequest;
    this.partial = EMPTY;
    this.interim = false;
  }

  /** Whether part of a response has arrived (a close now would cut it short). */
  get started(): boolean {
    return this.busy && (this.state !== State.Head || this.partial.length > 0 || this.interim);
  }

  /** Whether a response is expected or in progress. */
  get busy(): boolean {
    return this.state !== State.Idle && this.state !== State.Discard;
  }

  /** Feeds bytes read from the socket; throws a ResponseParseError on a malformed response. */
  execute(chunk: Buffer): void {
    let at = 0;
    const length = chunk.length;
    while (at < length) {
      switch (this.state) {
        case State.Idle:
          // Stray line ends after a response are harmless (RFC 9112 §2.2); anything else is not.
          if (chunk[at] === CR || chunk[at] === LF) {
            at++;
            break;
          }
          throw new ResponseParseError('the server sent data with no request waiting for it');
        case State.Discard:
          return;
        case State.Head:
          at = this.readHead(chunk, at);
          break;
        case State.Body:
        case State.ChunkData: {
          // `remaining` bytes of a content-length body or of one chunk.
          const state = this.state;
          const take = Math.min(this.remaining, length - at);
          this.remaining -= take;
          this.sink.onResponseBody(at === 0 && take === length ? chunk : chunk.subarray(at, at + take), this.transient);
          at += take;
          if (this.state !== state) return; // the sink tore the connection down
          if (this.remaining > 0) break;
          if (state === State.Body) this.end();
          else this.state = State.ChunkDataEnd;
          break;
        }
        case State.UntilClose:
          this.sink.onResponseBody(at === 0 ? chunk : chunk.subarray(at), this.transient);
          at = length;
          break;
        case State.ChunkSize:
        case State.Trailers:
        case State.ChunkDataEnd:
          at = this.readChunkLine(chunk, at);
          break;
      }
    }
  }

  /**
   * The peer closed the connection. Completes a body that runs until the close; returns the
   * error for a response cut short (undefined when nothing was in progress).
   */
  finish(): ResponseParseError | undefined {
    switch (this.state) {
      case State.Idle:
      case State.Discard:
        return undefined;
      case State.UntilClose:
        this.keepAlive = false;
        this.end();
        return undefined;
      case State.Head:
        this.state = State.Idle;
        return new ResponseParseError(
          this.partial.length > 0
            ? 'the connection closed in the middle of the response head'
            : this.interim
              ? 'the connection closed after an interim (1xx) response'
              : 'the server closed the connection',
        );
      default:
        this.state = State.Idle;
        return new ResponseParseError('the connection closed before the response body was complete');
    }
  }

  /** Drops any response in progress (the connection is being torn down). */
  reset(): void {
    this.state = State.Discard;
    this.partial = EMPTY;
  }

  private end(): void {
    this.state = State.Idle;
    this.partial = EMPTY;
    this.sink.onResponseEnd(this.keepAlive);
  }

  /** Reads (part of) a head starting at `at`; returns where reading stopped. */
  private readHead(chunk: Buffer, at: number): number {
    if (this.partial.length === 0) {
      // Empty lines before the status line are ignored (RFC 9112 §2.2), as llhttp does.
      while (at < chunk.length && (chunk[at] === CR || chunk[at] === LF)) at++;
      if (at === chunk.length) return at;
    }
    let buffer = chunk;
    let start = at;
    let scanFrom = at;
    if (this.partial.length > 0) {
      buffer = Buffer.concat([this.partial, chunk.subarray(at)]);
      start = 0;
      // The carried bytes held no blank line: only their last 3 bytes can begin one.
      scanFrom = Math.max(0, this.partial.length - 3);
    }
    const end = headEnd(buffer, scanFrom);
    if (end === -1) {
      if (buffer.length - start > MAX_HEAD_BYTES)
        throw new ResponseParseError(`the response head is over ${MAX_HEAD_BYTES / 1024} KiB`);
      // Copy: the socket's chunk may be a view of a larger pooled buffer we should not pin.
      this.partial = Buffer.from(buffer.subarray(start));
      return chunk.length;
    }
    const consumed = end - start;
    if (consumed > MAX_HEAD_BYTES) throw new ResponseParseError(`the response head is over ${MAX_HEAD_BYTES / 1024} KiB`);
    // An index in the joined buffer past the carried-over bytes maps back to `at` in the chunk.
    const fromChunk = this.partial.length > 0 ? at + end - this.partial.length : end;
    // A head joined from carried-over bytes is a buffer of its own; one read whole is in the chunk.
    const owned = this.partial.length > 0 || !this.transient;
    this.partial = EMPTY;
    this.parseHead(buffer, start, end, owned);
    return fromChunk;
  }

  /**
   * Parses the head in `buffer[start, end)` (the blank line included) and reports it; `owned`
   * when the buffer may be kept past this call (else the header block is copied).
   */
  private parseHead(buffer: Buffer, start: number, end: number, owned: boolean): void {
    const head = this.head;
    readStatusLine(buffer, start, head);
    const status = head.status;
    const statusText = this.reasons.text(status, buffer, head.reasonStart, head.reasonEnd);
    readHeaderLines(buffer, end, head);
    // Any three digits are a status (Node and browsers take 999 or 600 too); only 1xx is interim.
    if (status >= 100 && status < 200) {
      // 1xx: an interim response (100 Continue, 103 Early Hints); the real one follows.
      if (status === 101) throw new ResponseParseError('the server switched protocols (101), which volley does not speak');
      this.partial = EMPTY;
      this.interim = true;
      return;
    }
    // HTTP/1.0 closes unless it says keep-alive; `close` anywhere always wins (RFC 9112 §9.6).
    this.keepAlive = !head.close && (head.minor === 1 || head.keepAliveSaid);
    const block = buffer.subarray(head.blockStart, head.blockEnd);
    this.sink.onResponseHead(status, statusText, owned ? block : Buffer.from(block), end - start, head.setCookie);
    if (this.state !== State.Head) return; // the sink tore the connection down
    this.frameBody(head);
  }

  /** After a head: how its body is delimited (RFC 9112 §6.3), or the response is already over. */
  private frameBody(head: ResponseHead): void {
    const status = head.status;
    if (this.headRequest || status === 204 || status === 304) {
      this.end();
    } else if (head.chunked) {
      this.state = State.ChunkSize;
    } else if (head.transferEncoding) {
      this.keepAlive = false;
      this.state = State.UntilClose;
    } else if (head.contentLength === 0) {
      this.end();
    } else if (head.contentLength > 0) {
      this.remaining = head.contentLength;
      this.state = State.Body;
    } else {
      this.keepAlive = false;
      this.state = State.UntilClose;
    }
  }

  /** Reads a chunk-size line, the CRLF after chunk data, or a trailer line. */
  private readChunkLine(chunk: Buffer, at: number): number {
    let buffer = chunk;
    let start = at;
    if (this.partial.length > 0) {
      buffer = Buffer.concat([this.partial, chunk.subarray(at)]);
      start = 0;
    }
    const eol = buffer.indexOf(LF, start);
    if (eol === -1) {
      if (buffer.length - start > 4096) throw new ResponseParseError('a chunk-size or trailer line is over 4 KiB');
      this.partial = Buffer.from(buffer.subarray(start));
      return chunk.length;
    }
    const next = this.partial.length > 0 ? at + eol + 1 - this.partial.length : eol + 1;
    this.partial = EMPTY;
    const contentEnd = eol > start && buffer[eol - 1] === CR ? eol - 1 : eol;
    switch (this.state) {
      case State.ChunkDataEnd:
        if (contentEnd !== start) throw new ResponseParseError('chunk data is longer than its size');
        this.state = State.ChunkSize;
        break;
      case State.ChunkSize: {
        const size = parseChunkSize(buffer, start, contentEnd);
        if (size < 0)
          throw new ResponseParseError(`bad chunk size: ${JSON.stringify(buffer.toString('latin1', start, contentEnd))}`);
        if (size === 0) {
          this.state = State.Trailers;
        } else {
          this.remaining = size;
          this.state = State.ChunkData;
        }
        break;
      }
      case State.Trailers:
        if (contentEnd === start) this.end();
        break;
      default:
        break;
    }
    return next;
  }
}

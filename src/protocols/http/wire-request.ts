/** A request as its connection sees it: its bytes, and where the response goes. */

import type { ResponseSink } from './response-parser.js';

export interface WireRequest extends ResponseSink {
  /** The request line and headers, ending in the blank line. */
  readonly requestHead: Buffer | string;
  readonly requestBody: Uint8Array | null;
  /** A HEAD request: its response has no body whatever its headers say. */
  readonly headRequest: boolean;
  /** Milliseconds the response may keep it waiting (for the head, then between body reads); 0 for none. */
  readonly timeoutMs: number;
  /**
   * Whether the request may be sent again after a kept-alive connection dropped it with no
   * response byte: an idempotent method (RFC 9110 §9.2.2) or a request that opted in, not yet
   * retried. The server may well have received it.
   */
  readonly retryable: boolean;
  /** The request could not be completed; it is done with this connection. */
  onRequestError(error: Error): void;
  /** This attempt failed with `error` and the request goes out again (it counts the attempt). */
  onRetry(error: Error): void;
}

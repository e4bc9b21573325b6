/**
 * Reason phrases as strings, decoded once per (status, phrase): a server sends the same few
 * phrases again and again, and a string per response would be garbage. One cache per connection's
 * parser; a server inventing phrases fills it up to a bound, past which phrases are decoded each
 * time (and the last one is still remembered).
 */

import { bytesEqual } from './http-text.js';

/** Statuses whose phrase is kept (the rest are decoded each time). */
const MAX_CACHED = 64;

interface Phrase {
  readonly bytes: Buffer;
  readonly text: string;
}

export class ReasonPhrases {
  /** The last phrase read, to skip even the map lookup for a repeat. */
  private lastStatus = 0;
  private lastText = '';
  private lastBytes: Buffer = Buffer.alloc(0);
  private readonly byStatus = new Map<number, Phrase>();

  /** The reason phrase in `buffer[start, end)` of a `status` response, as a string. */
  text(status: number, buffer: Buffer, start: number, end: number): string {
    if (status === this.lastStatus && bytesEqual(this.lastBytes, buffer, start, end)) return this.lastText;
    let cached = this.byStatus.get(status);
    if (cached === undefined || !bytesEqual(cached.bytes, buffer, start, end)) {
      const text = buffer.toString('latin1', start, end);
      cached = { bytes: Buffer.from(text, 'latin1'), text };
      if (this.byStatus.size < MAX_CACHED) this.byStatus.set(status, cached);
    }
    this.lastStatus = status;
    this.lastText = cached.text;
    this.lastBytes = cached.bytes;
    return cached.text;
  }
}

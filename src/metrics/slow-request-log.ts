/**
 * The recorder's side of the slowest requests (slowest-requests.ts): one list per row for the
 * whole run, and, per row, the entries kept since the last flush, which the next snapshot
 * carries. Nothing here runs per request: the recorder compares a sample with its row's floor
 * and comes here only for a sample above it.
 *
 * A kept sample stays pending until the next one is kept, so what the caller learns right after
 * `record()` lands on it: the request's method, URL and headers (`describe`, from the protocol
 * client) and why it failed (the error the caller records next for the same row). Both are
 * redacted here unless `--show-secrets` asked to see them. The method, URL and headers are only
 * held until the flush and written out then, for the entries still kept: while latency climbs
 * (a run's first second) nearly every request is kept, and most are pushed out within the interval.
 */

import { clipMessage } from './error-message.js';
import type { SentHeaders } from './recorder.js';
import { redactHeaders, redactSecrets } from './redact.js';
import { slowerFirst, SlowestRequests, type SnapshotSlowRequest } from './slowest-requests.js';

/** A URL or a header value is cut past this: a report line, and a wire frame, stay bounded. */
const MAX_TEXT_CHARS = 2048;
/** Headers beyond this many are left out (a request rarely sends more than a dozen). */
const MAX_HEADERS = 64;

function clip(text: string): string {
  return text.length <= MAX_TEXT_CHARS ? text : `${text.slice(0, MAX_TEXT_CHARS - 1)}…`;
}

/** At most MAX_HEADERS headers, each value cut to MAX_TEXT_CHARS. */
function clipHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .slice(0, MAX_HEADERS)
      .map(([name, value]) => [clip(name), clip(value)]),
  );
}

/** An entry kept since the last flush, with what describes its request until then. */
interface FreshEntry {
  entry: SnapshotSlowRequest;
  method?: string;
  url?: string;
  headers?: SentHeaders;
}

interface RowLog {
  kept: SlowestRequests;
  /** Entries kept since the last flush (some may have been pushed out since). */
  fresh: FreshEntry[];
}

export class SlowRequestLog {
  private readonly rows: (RowLog | undefined)[] = [];
  private pending: FreshEntry | undefined = undefined;
  private pendingRow = -1;

  constructor(
    private readonly limit: number,
    private readonly redact: boolean,
    /** Milliseconds since the run started. */
    private readonly now: () => number,
  ) {}

  /**
   * Offers a sample of `row` that was slower than its floor; returns the row's new floor in
   * microseconds, or undefined when the sample was not kept after all (a tie).
   */
  keep(row: number, durationUs: number, status: number, failed: boolean): number | undefined {
    let log = this.rows[row];
    if (log === undefined) {
      log = { kept: new SlowestRequests(this.limit), fresh: [] };
      this.rows[row] = log;
    }
    const latencyMs = durationUs / 1000;
    const entry: SnapshotSlowRequest = { latencyMs, atMs: Math.max(0, this.now() - latencyMs), failed };
    if (status >= 0) entry.status = status;
    if (!log.kept.offer(entry)) return undefined;
    const fresh: FreshEntry = { entry };
    log.fresh.push(fresh);
    // An interval that keeps many (a rising latency) drops those already pushed out.
    if (log.fresh.length > 4 * this.limit) log.fresh = log.fresh.filter((kept) => log.kept.holds(kept.entry));
    this.pending = fresh;
    this.pendingRow = row;
    return log.kept.floorMs * 1000;
  }

  /** The request behind the sample just kept for `row`: its method, full URL and headers as sent. */
  describe(row: number, method: string, url: string, headers: SentHeaders): void {
    const fresh = this.pendingOf(row);
    if (fresh === undefined) return;
    fresh.method = method;
    fresh.url = url;
    fresh.headers = headers;
  }

  /** A request error recorded for `row`: the message of the failed sample just kept, if any. */
  failedWith(row: number, message: string): void {
    const entry = this.pendingOf(row)?.entry;
    if (entry === undefined || !entry.failed || entry.error !== undefined) return;
    entry.error = clipMessage(this.redact ? redactSecrets(message) : message);
  }

  /** The entries of `row` kept since the last flush and still kept, slowest first (undefined: none). */
  take(row: number): SnapshotSlowRequest[] | undefined {
    const log = this.rows[row];
    if (log === undefined || log.fresh.length === 0) return undefined;
    const out = log.fresh.filter((fresh) => log.kept.holds(fresh.entry)).map((fresh) => this.written(fresh));
    out.sort(slowerFirst);
    log.fresh = [];
    if (this.pendingRow === row) this.pendingRow = -1;
    return out.length === 0 ? undefined : out;
  }

  /** The entry with its request written out: clipped, and redacted unless asked not to be. */
  private written({ entry, method, url, headers }: FreshEntry): SnapshotSlowRequest {
    if (method !== undefined) entry.method = clip(method);
    if (url !== undefined) entry.url = clip(this.redact ? redactSecrets(url) : url);
    if (headers !== undefined) {
      const sent = headers();
      entry.headers = clipHeaders(this.redact ? redactHeaders(sent) : sent);
    }
    return entry;
  }

  private pendingOf(row: number): FreshEntry | undefined {
    return this.pendingRow === row ? this.pending : undefined;
  }
}

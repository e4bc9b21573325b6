/**
 * The slowest requests of a row: the N longest samples met so far, each with what is needed to
 * trace a spike in p99 to concrete requests (when it started, its status or error, its method,
 * full URL and headers, redacted). The recorder keeps one list per row per worker, the snapshot
 * carries the entries kept since the last flush, and the run aggregate merges them into the run's
 * top N: a request among the run's N slowest is among its worker's N slowest, so nothing is lost.
 *
 * The hot path pays one number comparison per sample: `floorMs` is the smallest latency kept once
 * N are kept (-Infinity before), and only a sample above it is built and offered. That happens
 * about N·ln(samples/N) times in a run.
 */

/** How many slowest requests a row keeps unless `--slowest <n>` says otherwise. */
export const DEFAULT_SLOWEST = 5;
/** The most a row may keep (`--slowest` accepts 1 to this). */
export const MAX_SLOWEST = 100;

/** One slow request as the recorder keeps it and a snapshot carries it. */
export interface SnapshotSlowRequest {
  /** The request's whole duration, ms (as in the row's histogram: from when it was due). */
  latencyMs: number;
  /** When it started, ms since the run started (the snapshot's time origin). */
  atMs: number;
  /** The HTTP status (0: no response); absent for a row that is no HTTP request. */
  status?: number;
  failed: boolean;
  /** Why it failed, as the error groups say it (redacted). */
  error?: string;
  method?: string;
  /** The full URL with its query (token-like parameters redacted). */
  url?: string;
  /** The request headers as sent (credentials and token-like values redacted). */
  headers?: Record<string, string>;
}

/** One slow request in the Result: the snapshot's entry with its start as an ISO time. */
export interface SlowRequest extends Omit<SnapshotSlowRequest, 'atMs'> {
  /** ISO time the request started. */
  startedAt: string;
}

/** Slowest first; of two as slow, the one that started first. */
export function slowerFirst(a: SnapshotSlowRequest, b: SnapshotSlowRequest): number {
  return b.latencyMs - a.latencyMs || a.atMs - b.atMs;
}

/** The `limit` slowest entries offered, slowest first. */
export class SlowestRequests<Entry extends SnapshotSlowRequest = SnapshotSlowRequest> {
  private readonly kept: Entry[] = [];
  /** The latency an entry must exceed to be kept: the smallest kept once full, -Infinity before. */
  floorMs = Number.NEGATIVE_INFINITY;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a slowest-requests limit must be a whole number >= 1, got ${limit}`);
  }

  /** The entries kept, slowest first. */
  get entries(): readonly Entry[] {
    return this.kept;
  }

  /**
   * Keeps `entry` if it is slower than the floor; returns whether it was kept. A tie with the
   * floor is not kept (the entry met first stays).
   */
  offer(entry: Entry): boolean {
    if (!(entry.latencyMs > this.floorMs)) return false;
    const kept = this.kept;
    // Few entries, rarely offered: a linear insertion keeps them sorted.
    let at = kept.length;
    while (at > 0 && slowerFirst(entry, kept[at - 1] as Entry) < 0) at--;
    kept.splice(at, 0, entry);
    if (kept.length > this.limit) kept.pop();
    if (kept.length === this.limit) this.floorMs = (kept[kept.length - 1] as Entry).latencyMs;
    return true;
  }

  /** Offers every entry of another list (another worker's, another interval's). */
  merge(entries: readonly Entry[]): void {
    for (const entry of entries) this.offer(entry);
  }

  /** Whether `entry` (this very object) is still kept. */
  holds(entry: Entry): boolean {
    return this.kept.includes(entry);
  }
}

/** The Result's form of the `limit` slowest of `entries` (slowest first), for a run started at `startedAtMs`. */
export function slowestForResult(entries: readonly SnapshotSlowRequest[], startedAtMs: number, limit: number): SlowRequest[] {
  return [...entries]
    .sort(slowerFirst)
    .slice(0, limit)
    .map(({ atMs, ...rest }) => ({ ...rest, startedAt: new Date(startedAtMs + atMs).toISOString() }));
}

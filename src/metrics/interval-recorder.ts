/**
 * The hot-path recorder. Every request ends in `record()`, which only does array writes, one
 * histogram increment and one comparison with the row's slowest-requests floor (a sample above
 * it, rare, is kept by slow-request-log.ts): rows are resolved to numeric ids once (`scope()` at start, `endpoint()`
 * through a Map per scope and method), counters live in flat arrays indexed by id, and status
 * codes in one Uint32Array per row. Once per interval `flush()` turns what was recorded since the
 * last flush into a Snapshot (histograms encoded) and zeroes the counters, so the recorder never
 * grows with the number of requests, only with the number of distinct rows, which is capped
 * (MAX_ROWS; later names go to their method's overflow row), as error groups are per row.
 */

import type { CustomMetricDeclaration } from './custom-metric.js';
import { CustomMetricStore } from './custom-metric-store.js';
import { assembleDecoded, type DecodedRow, type DecodedSnapshot } from './decoded-snapshot.js';
import { type EndpointKey, GROUP_SEPARATOR, type Protocol } from './endpoint-key.js';
import { createHistogram, encodeHistogram, type Histogram } from './histogram.js';
import { redactSecrets } from './redact.js';
import { isOverflowKey, MAX_ROWS, overflowKey } from './limits.js';
import type { MetricsRecorder, SentHeaders } from './recorder.js';
import { type ErrorGroup, RecorderErrors } from './recorder-errors.js';
import { SlowRequestLog } from './slow-request-log.js';
import { DEFAULT_SLOWEST } from './slowest-requests.js';
import {
  SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotCheck,
  type SnapshotEndpoint,
  type SnapshotError,
} from './snapshot.js';

/** Every three-digit status (0..999, as the HTTP client takes any) has its own slot. */
const STATUS_SLOTS = 1000;

interface Scope {
  scenario: string;
  user: string;
  tags: readonly string[];
  /** The `vu.group()` path, '' outside any group. */
  group: string;
  byMethod: Map<string, Map<string, number>>;
  checks: Map<string, number>;
}

/** One stats row's counters for the current interval. */
class Row {
  requests = 0;
  failures = 0;
  bytesIn = 0;
  bytesOut = 0;
  readonly statuses = new Uint32Array(STATUS_SLOTS);
  // Replaced (not reset) when a flush hands the interval's histograms to a reader in this thread.
  latency: Histogram = createHistogram();
  ttfb: Histogram = createHistogram();
  /** A duration above this (µs) is one of the row's slowest so far (see slow-request-log.ts). */
  slowFloorUs = -1;
  readonly tags: Set<string>;

  constructor(
    readonly key: EndpointKey,
    tags: readonly string[],
  ) {
    this.tags = new Set(tags);
  }
}

class CheckCounter {
  passes = 0;
  fails = 0;
  constructor(
    readonly scenario: string,
    readonly user: string,
    readonly name: string,
  ) {}
}

export interface IntervalRecorderOptions {
  /** Worker index stamped on snapshots. */
  worker?: number;
  /** Milliseconds since the run started; injectable for tests. */
  now: () => number;
  /** Replace credentials in error messages with [redacted] (default true; --show-secrets turns it off). */
  redact?: boolean;
  /** How many slowest requests each row keeps (default DEFAULT_SLOWEST; `--slowest <n>`). */
  slowest?: number;
}

export class IntervalRecorder implements MetricsRecorder {
  private readonly worker: number;
  private readonly now: () => number;
  private readonly scopes: Scope[] = [];

  private readonly rows: Row[] = [];
  private readonly errors: RecorderErrors;
  private readonly redact: boolean;
  /** Rows other than overflow rows; at MAX_ROWS, new names go to the overflow rows. */
  private namedRows = 0;
  private readonly checks: CheckCounter[] = [];
  private readonly metrics: CustomMetricStore;
  private readonly slow: SlowRequestLog;

  private iterations = 0;
  private dropped = 0;
  private retries = 0;
  private decodedBodies = 0;
  private decodedWireBytes = 0;
  private decodedBytes = 0;
  private intervalStartMs = 0;

  constructor(options: IntervalRecorderOptions) {
    this.worker = options.worker ?? 0;
    this.now = options.now;
    this.redact = options.redact ?? true;
    this.errors = new RecorderErrors(this.redact);
    this.metrics = new CustomMetricStore(options.now);
    this.slow = new SlowRequestLog(options.slowest ?? DEFAULT_SLOWEST, this.redact, options.now);
  }

  customMetric(declaration: CustomMetricDeclaration): number {
    return this.metrics.register(declaration);
  }

  metricSample(metric: number, value: number): void {
    this.metrics.add(metric, value);
  }

  scope(scenario: string, user: string, tags: readonly string[], group = ''): number {
    this.scopes.push({ scenario, user, tags, group, byMethod: new Map(), checks: new Map() });
    return this.scopes.length - 1;
  }

  endpoint(scope: number, method: string, name: string, protocol?: Protocol): number {
    const owner = this.scopes[scope];
    if (owner === undefined) throw new RangeError(`unknown recorder scope ${scope}`);
    // Rows of one method and name but another protocol (GET /a over HTTP/1.1 and HTTP/2) differ.
    const methodKey = protocol === undefined ? method : `${method}\u0000${protocol}`;
    let byName = owner.byMethod.get(methodKey);
    if (byName === undefined) {
      byName = new Map();
      owner.byMethod.set(methodKey, byName);
    }
    const id = byName.get(name);
    if (id !== undefined) return id;
    // A name taken from a URL can carry a token in its query; the row shows it redacted.
    const shown = this.redact ? redactSecrets(name) : name;
    const key: EndpointKey =
      owner.group === ''
        ? { scenario: owner.scenario, user: owner.user, name: shown, method }
        : { scenario: owner.scenario, user: owner.user, name: owner.group + GROUP_SEPARATOR + shown, method, group: owner.group };
    if (protocol !== undefined) key.protocol = protocol;
    if (this.namedRows >= MAX_ROWS && this.findRow(key) === -1) {
      // Not remembered under its own name: the map would grow with every distinct URL.
      return this.rowFor(overflowKey(key), owner.tags);
    }
    const created = this.rowFor(key, owner.tags);
    byName.set(name, created);
    return created;
  }

  record(
    endpoint: number,
    durationUs: number,
    ttfbUs: number,
    status: number,
    bytesIn: number,
    bytesOut: number,
    failed: boolean,
  ): boolean {
    const row = this.rows[endpoint]!;
    row.requests++;
    if (failed) row.failures++;
    row.bytesIn += bytesIn;
    row.bytesOut += bytesOut;
    // HDR histograms discern values >= 1; a sub-microsecond failure still counts as 1 µs.
    row.latency.recordValue(durationUs >= 1 ? Math.round(durationUs) : 1);
    // A sample that is no HTTP request (NOT_HTTP_STATUS) has neither a status nor a first byte.
    if (status >= 0) {
      row.statuses[status < STATUS_SLOTS ? status : STATUS_SLOTS - 1]!++;
      row.ttfb.recordValue(ttfbUs >= 1 ? Math.round(ttfbUs) : 1);
    }
    return durationUs > row.slowFloorUs && this.keepSlow(endpoint, row, durationUs, status, failed);
  }

  /** One of the row's slowest so far (rare: see slow-request-log.ts); false on a tie with the floor. */
  private keepSlow(endpoint: number, row: Row, durationUs: number, status: number, failed: boolean): boolean {
    const floorUs = this.slow.keep(endpoint, durationUs, status, failed);
    if (floorUs === undefined) return false;
    row.slowFloorUs = floorUs;
    return true;
  }

  describeSlow(endpoint: number, method: string, url: string, headers: SentHeaders): void {
    this.slow.describe(endpoint, method, url, headers);
  }

  markFailed(endpoint: number): void {
    this.rows[endpoint]!.failures++;
  }

  error(endpoint: number, kind: 'request' | 'task', message: string): void {
    if (kind === 'request') this.slow.failedWith(endpoint, message);
    const group = this.errors.groups[this.errors.groupOf(endpoint, kind, message)] as ErrorGroup;
    if (group.count === 0) group.firstAtMs = this.now();
    group.count++;
  }

  check(scope: number, name: string, passed: boolean): void {
    const owner = this.scopes[scope];
    if (owner === undefined) throw new RangeError(`unknown recorder scope ${scope}`);
    let id = owner.checks.get(name);
    if (id === undefined) {
      // Checks are kept per (scenario, user class, name), shared by every task of the class.
      id = this.checks.findIndex(
        (c) => c.scenario === owner.scenario && c.user === owner.user && c.name === name,
      );
      if (id === -1) {
        id = this.checks.length;
        this.checks.push(new CheckCounter(owner.scenario, owner.user, name));
      }
      owner.checks.set(name, id);
    }
    const counter = this.checks[id]!;
    if (passed) counter.passes++;
    else counter.fails++;
  }

  iteration(): void {
    this.iterations++;
  }

  droppedIteration(): void {
    this.dropped++;
  }

  retry(): void {
    this.retries++;
  }

  bodyDecoded(wireBytes: number, decodedBytes: number): void {
    this.decodedBodies++;
    this.decodedWireBytes += wireBytes;
    this.decodedBytes += decodedBytes;
  }

  /** Everything recorded since the previous flush, as a Snapshot; counters start again at zero. */
  flush(users: number, phase: string | null = null): Snapshot {
    return this.take(users, phase, undefined);
  }

  /**
   * The same interval for a reader in this thread (a run without workers): the histograms are
   * handed over as they are, instead of being encoded here only to be decoded there, and the
   * recorder goes on with fresh ones.
   */
  flushDecoded(users: number, phase: string | null = null): DecodedSnapshot {
    const rows: DecodedRow[] = [];
    const snapshot = this.take(users, phase, rows);
    return assembleDecoded(snapshot, rows);
  }

  /** Ends the interval: into `handOver` with the histograms themselves, or encoded in the snapshot. */
  private take(users: number, phase: string | null, handOver: DecodedRow[] | undefined): Snapshot {
    const toMs = this.now();
    const snapshot: Snapshot = {
      version: SNAPSHOT_VERSION,
      worker: this.worker,
      fromMs: this.intervalStartMs,
      toMs,
      users,
      phase,
      iterations: this.iterations,
      droppedIterations: this.dropped,
      retries: this.retries,
      decoded: { bodies: this.decodedBodies, wireBytes: this.decodedWireBytes, bytes: this.decodedBytes },
      endpoints: [],
      errors: this.flushErrors(),
      checks: this.flushChecks(),
    };
    const metrics = this.metrics.flush();
    if (metrics !== undefined) snapshot.metrics = metrics;
    for (let id = 0; id < this.rows.length; id++) {
      const row = this.rows[id]!;
      if (row.requests === 0 && row.failures === 0) continue;
      const entry: SnapshotEndpoint = {
        key: row.key,
        tags: [...row.tags],
        requests: row.requests,
        failures: row.failures,
        bytesIn: row.bytesIn,
        bytesOut: row.bytesOut,
        statusCodes: statusCounts(row.statuses),
        latency: '',
        ttfb: '',
      };
      const slowest = this.slow.take(id);
      if (slowest !== undefined) entry.slowest = slowest;
      snapshot.endpoints.push(entry);
      if (handOver === undefined) {
        if (row.latency.totalCount > 0) entry.latency = encodeHistogram(row.latency);
        if (row.ttfb.totalCount > 0) entry.ttfb = encodeHistogram(row.ttfb);
        row.latency.reset();
        row.ttfb.reset();
      } else {
        handOver.push({
          row: entry,
          latency: row.latency.totalCount > 0 ? row.latency : null,
          ttfb: row.ttfb.totalCount > 0 ? row.ttfb : null,
        });
        // As wide as the last interval's, so recording does not have to grow it again.
        if (row.latency.totalCount > 0) row.latency = createHistogram(row.latency.highestTrackableValue);
        if (row.ttfb.totalCount > 0) row.ttfb = createHistogram(row.ttfb.highestTrackableValue);
      }
      row.requests = 0;
      row.failures = 0;
      row.bytesIn = 0;
      row.bytesOut = 0;
      row.statuses.fill(0);
    }
    this.iterations = 0;
    this.dropped = 0;
    this.retries = 0;
    this.decodedBodies = 0;
    this.decodedWireBytes = 0;
    this.decodedBytes = 0;
    this.intervalStartMs = toMs;
    return snapshot;
  }

  private findRow(key: EndpointKey): number {
    return this.rows.findIndex(
      (r) =>
        r.key.scenario === key.scenario &&
        r.key.user === key.user &&
        r.key.method === key.method &&
        r.key.name === key.name &&
        r.key.group === key.group &&
        r.key.protocol === key.protocol,
    );
  }

  private rowFor(key: EndpointKey, tags: readonly string[]): number {
    // Two scopes (tasks) of one user class can record into the same row: reuse it, add tags.
    const existing = this.findRow(key);
    if (existing !== -1) {
      for (const tag of tags) this.rows[existing]!.tags.add(tag);
      return existing;
    }
    this.rows.push(new Row(key, tags));
    if (!isOverflowKey(key)) this.namedRows++;
    return this.rows.length - 1;
  }

  private flushErrors(): SnapshotError[] {
    const out: SnapshotError[] = [];
    for (const group of this.errors.groups) {
      if (group.count === 0) continue;
      out.push({
        key: this.rows[group.endpoint]!.key,
        kind: group.kind,
        message: group.message,
        count: group.count,
        firstAtMs: group.firstAtMs,
      });
      group.count = 0;
    }
    return out;
  }

  private flushChecks(): SnapshotCheck[] {
    const out: SnapshotCheck[] = [];
    for (const counter of this.checks) {
      if (counter.passes === 0 && counter.fails === 0) continue;
      out.push({
        scenario: counter.scenario,
        user: counter.user,
        name: counter.name,
        passes: counter.passes,
        fails: counter.fails,
      });
      counter.passes = 0;
      counter.fails = 0;
    }
    return out;
  }
}

function statusCounts(slots: Uint32Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let status = 0; status < STATUS_SLOTS; status++) {
    const count = slots[status] as number;
    if (count !== 0) out[String(status)] = count;
  }
  return out;
}

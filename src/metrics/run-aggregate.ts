/**
 * The aggregator: merges Snapshot deltas (from the in-process recorder or from workers) into the
 * run's cumulative figures, its per-second series and, when windowed thresholds ask for it, a
 * trailing window. It answers threshold queries (StatsSource) and renders the measured part of
 * the Result; the runner adds metadata and verdicts.
 */

import { CustomMetricTotals } from './custom-metric-totals.js';
import { type DecodedSnapshot, type IntervalSummary, summarizeInterval } from './decoded-snapshot.js';
import { decodeSnapshot } from './snapshot-decoder.js';
import { countsInTotals, type EndpointKey, endpointKeyId, formatEndpointKey } from './endpoint-key.js';
import { ErrorTable } from './error-table.js';
import { createHistogram, percentileMs } from './histogram.js';
import { isOverflowKey, MAX_ROWS, overflowKey } from './limits.js';
import { type LiveEndpointRow, type LiveErrorRow, liveRow } from './live-row.js';
import { latencyView } from './latency-view.js';
import { PhaseTracker } from './phase-stats.js';
import type {
  CheckEntry,
  CustomMetricStats,
  EndpointStats,
  ErrorEntry,
  PhaseStats,
  TimeSeriesPoint,
  UserClassStats,
} from './result.js';
import { matchesCheckOwner, matchesRow } from './row-filter.js';
import { RowStats } from './row-stats.js';
import { DEFAULT_SLOWEST, MAX_SLOWEST, slowestForResult, SlowestRequests } from './slowest-requests.js';
import type { DecodedBodies, Snapshot } from './snapshot.js';
import type { CustomMetricFigures, MergedStats, RowFilter, StatsSource } from './stats-source.js';
import { StatsWindow } from './stats-window.js';
import { TimeSeries } from './time-series.js';

interface Row {
  key: EndpointKey;
  tags: Set<string>;
  stats: RowStats;
  /** Its slowest requests from every worker, up to MAX_SLOWEST (the Result keeps `--slowest`). */
  slowest?: SlowestRequests;
}

export interface MeasuredResult {
  totals: ReturnType<RowStats['toRequestStats']> & {
    iterations: number;
    droppedIterations: number;
    retries: number;
    decoded: DecodedBodies;
    checks: { passes: number; fails: number };
  };
  endpoints: EndpointStats[];
  userClasses: UserClassStats[];
  phases: PhaseStats[];
  errors: ErrorEntry[];
  checks: CheckEntry[];
  timeSeries: TimeSeriesPoint[];
  metrics?: CustomMetricStats[];
}

export class RunAggregate implements StatsSource {
  private readonly rows = new Map<string, Row>();
  private errors = new ErrorTable();
  /** Rows other than overflow rows, capped at MAX_ROWS. */
  private namedRows = 0;
  /** Whether some request was counted under an overflow row. */
  rowsOverflowed = false;
  private readonly checks = new Map<string, CheckEntry>();
  private series = new TimeSeries();
  private phases = new PhaseTracker();
  /** Users each named phase was planned for, declared again after a reset. */
  private readonly declaredPhases = new Map<string, number>();
  private custom = new CustomMetricTotals();
  private window: StatsWindow;
  /** Where the figures start, ms since the run started: 0, or when they were last reset. */
  statsFromMs = 0;
  private iterations = 0;
  private dropped = 0;
  private retries = 0;
  private decoded: DecodedBodies = { bodies: 0, wireBytes: 0, bytes: 0 };
  /** Running totals, so live displays need not merge histograms. */
  requests = 0;
  failures = 0;
  /** Exceptions thrown by tasks and hooks, outside any request. */
  taskErrors = 0;
  /** The furthest interval end seen, ms since the run started. */
  elapsedMs = 0;

  /** `windowMs`: the longest trailing window a threshold asks for (0 when none does). */
  constructor(private readonly windowMs = 0) {
    this.window = new StatsWindow(windowMs);
  }

  /**
   * Starts every figure again from zero, as Locust's Reset stats does: deltas merged from now on
   * (the local recorder's, or workers') build fresh totals, rates count from this moment, and the
   * time series goes on from here. The run's clock (`elapsedMs`) goes on.
   */
  reset(): void {
    this.rows.clear();
    this.namedRows = 0;
    this.rowsOverflowed = false;
    this.errors = new ErrorTable();
    this.checks.clear();
    this.series = new TimeSeries();
    this.phases = new PhaseTracker();
    for (const [name, users] of this.declaredPhases) this.phases.declare(name, users);
    this.custom = new CustomMetricTotals();
    this.window = new StatsWindow(this.windowMs);
    this.iterations = 0;
    this.dropped = 0;
    this.retries = 0;
    this.decoded = { bodies: 0, wireBytes: 0, bytes: 0 };
    this.requests = 0;
    this.failures = 0;
    this.taskErrors = 0;
    this.statsFromMs = this.elapsedMs;
  }

  /** Seconds the figures cover so far: since the start, or since the last reset. */
  private get coveredSeconds(): number {
    return Math.max(0, this.elapsedMs - this.statsFromMs) / 1000;
  }

  /** Merges every snapshot of one tick (one per worker); returns the tick's headline figures. */
  addAll(snapshots: readonly Snapshot[]): IntervalSummary {
    return this.addAllDecoded(snapshots.map(decodeSnapshot));
  }

  /** `addAll` for snapshots already decoded (or handed over by a recorder in this thread). */
  addAllDecoded(snapshots: readonly DecodedSnapshot[]): IntervalSummary {
    let requests = 0;
    let failures = 0;
    let seconds = 0;
    let p95Ms: number | null = null;
    for (const snapshot of snapshots) {
      const summary = this.addDecoded(snapshot);
      requests += summary.requests;
      failures += summary.failures;
      seconds = Math.max(seconds, summary.seconds);
      p95Ms = summary.p95Ms;
    }
    if (snapshots.length > 1) {
      // Several workers' intervals: the tick's p95 is that of their histograms merged.
      const merged = createHistogram();
      for (const snapshot of snapshots) merged.add(snapshot.latency);
      p95Ms = percentileMs(merged, 95);
    }
    return { requests, failures, seconds: seconds || 1, p95Ms };
  }

  /** Merges one interval; returns its headline figures for live displays. */
  add(snapshot: Snapshot): IntervalSummary {
    return this.addDecoded(decodeSnapshot(snapshot));
  }

  /** Merges one decoded interval. */
  addDecoded(decoded: DecodedSnapshot): IntervalSummary {
    const { snapshot } = decoded;
    this.elapsedMs = Math.max(this.elapsedMs, snapshot.toMs);
    this.iterations += snapshot.iterations;
    this.dropped += snapshot.droppedIterations;
    this.retries += snapshot.retries ?? 0;
    if (snapshot.decoded !== undefined) {
      this.decoded.bodies += snapshot.decoded.bodies;
      this.decoded.wireBytes += snapshot.decoded.wireBytes;
      this.decoded.bytes += snapshot.decoded.bytes;
    }
    for (const decodedRow of decoded.rows) {
      const endpoint = decodedRow.row;
      const row = this.rowOf(endpoint.key);
      for (const tag of endpoint.tags) row.tags.add(tag);
      if (countsInTotals(endpoint.key)) {
        this.requests += endpoint.requests;
        this.failures += endpoint.failures;
      }
      row.stats.addDecodedRow(decodedRow);
      if (endpoint.slowest !== undefined) (row.slowest ??= new SlowestRequests(MAX_SLOWEST)).merge(endpoint.slowest);
    }
    for (const error of snapshot.errors) {
      if (error.kind === 'task') this.taskErrors += error.count;
      this.errors.add(error, this.rowOf(error.key).key);
    }
    for (const check of snapshot.checks) {
      const id = `${check.scenario}\u0000${check.user}\u0000${check.name}`;
      const existing = this.checks.get(id);
      if (existing === undefined) this.checks.set(id, { ...check });
      else {
        existing.passes += check.passes;
        existing.fails += check.fails;
      }
    }
    this.custom.add(snapshot.metrics);
    this.series.add(decoded);
    this.phases.add(decoded);
    this.window.add(decoded);
    return summarizeInterval(decoded);
  }

  /**
   * The row a key's figures go to: its own, or once the run has MAX_ROWS rows (several workers'
   * rows together can pass it), its method's overflow row.
   */
  private rowOf(key: EndpointKey): Row {
    const id = endpointKeyId(key);
    let row = this.rows.get(id);
    if (row !== undefined) return row;
    const overflow = isOverflowKey(key) || this.namedRows >= MAX_ROWS;
    if (overflow) {
      this.rowsOverflowed = true;
      const spill = overflowKey(key);
      const spillId = endpointKeyId(spill);
      row = this.rows.get(spillId);
      if (row !== undefined) return row;
      row = { key: spill, tags: new Set(), stats: new RowStats() };
      this.rows.set(spillId, row);
      return row;
    }
    this.namedRows++;
    row = { key, tags: new Set(), stats: new RowStats() };
    this.rows.set(id, row);
    return row;
  }

  /** Whether some request failed for lack of file descriptors. */
  get outOfFiles(): boolean {
    return this.errors.outOfFiles;
  }

  /** Every stats row's cumulative figures so far, in report order, for live displays. */
  liveRows(): LiveEndpointRow[] {
    return [...this.rows.values()]
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((row) => liveRow(row.key, row.stats));
  }

  /** The most frequent error groups so far (at most `limit`), for live displays. */
  liveErrors(limit = 100): LiveErrorRow[] {
    return this.errors
      .sorted()
      .slice(0, limit)
      .map((error) => ({
        scenario: error.key.scenario,
        userClass: error.key.user,
        method: error.key.method,
        name: error.key.name,
        kind: error.kind,
        message: error.message,
        count: error.count,
      }));
  }

  /** Every row's figures merged, cumulative, for live displays (`Aggregated`). */
  liveTotal(): LiveEndpointRow {
    const total = new RowStats();
    for (const row of this.rows.values()) if (countsInTotals(row.key)) total.addRow(row.stats);
    return liveRow({ scenario: '', user: '', method: '', name: 'Aggregated' }, total);
  }

  /** Records the users a named phase was planned for (shown instead of the most seen). */
  declarePhase(name: string, users: number): void {
    this.declaredPhases.set(name, users);
    this.phases.declare(name, users);
  }

  select(filter: RowFilter, windowMs?: number): MergedStats {
    if (filter.phase !== undefined) return this.phases.select(filter.phase);
    const checks = { passes: 0, fails: 0 };
    for (const check of this.checks.values()) {
      if (!matchesCheckOwner(filter, check.scenario, check.user)) continue;
      checks.passes += check.passes;
      checks.fails += check.fails;
    }
    const merged = createHistogram();
    let rows = 0;
    let requests = 0;
    let failures = 0;
    let seconds: number;
    if (windowMs !== undefined && windowMs > 0) {
      const windowed = this.window.rows(windowMs);
      seconds = windowed.seconds;
      const distinct = new Set<string>();
      for (const row of windowed.rows) {
        if (!matchesRow(filter, row.key, row.tags)) continue;
        distinct.add(endpointKeyId(row.key));
        rows = distinct.size;
        requests += row.requests;
        failures += row.failures;
        merged.add(row.latency);
      }
    } else {
      seconds = this.coveredSeconds;
      for (const row of this.rows.values()) {
        if (!matchesRow(filter, row.key, row.tags)) continue;
        rows++;
        requests += row.stats.requests;
        failures += row.stats.failures;
        merged.add(row.stats.latency);
      }
    }
    return { rows, requests, failures, seconds, latency: latencyView(merged), checks };
  }

  /** The custom metrics so far, cumulative, for live displays (undefined: none recorded). */
  liveMetrics(): CustomMetricStats[] | undefined {
    return this.custom.stats(this.coveredSeconds, false);
  }

  /** A custom metric's figures over the run, or over its trailing `windowMs` (see StatsWindow). */
  customMetric(name: string, windowMs?: number): CustomMetricFigures | null {
    if (windowMs === undefined || windowMs <= 0) return this.custom.figures(name, this.coveredSeconds);
    const windowed = this.window.customMetric(name, windowMs);
    return windowed.totals.figures(name, windowed.seconds);
  }

  /**
   * The measured part of the Result, over a run of `durationMs` (rates count from the last reset,
   * if any), with `slowest` slowest requests per row. `series: false` leaves the time series out
   * and open, for a result while the run goes on.
   */
  measured(startedAtMs: number, durationMs: number, slowest = DEFAULT_SLOWEST, series = true): MeasuredResult {
    const seconds = Math.max(0, durationMs - this.statsFromMs) / 1000;
    const sortedRows = [...this.rows.values()].sort((a, b) => compareKeys(a.key, b.key));
    const total = new RowStats();
    const byClass = new Map<string, { scenario: string; user: string; stats: RowStats }>();
    const endpoints: EndpointStats[] = [];
    for (const row of sortedRows) {
      if (row.stats.requests === 0 && row.stats.failures === 0) continue;
      const stats: EndpointStats = { ...row.key, tags: [...row.tags].sort(), ...row.stats.toRequestStats(seconds) };
      if (row.slowest !== undefined) stats.slowest = slowestForResult(row.slowest.entries, startedAtMs, slowest);
      endpoints.push(stats);
      if (!countsInTotals(row.key)) continue;
      total.addRow(row.stats);
      const classId = `${row.key.scenario}\u0000${row.key.user}`;
      let owner = byClass.get(classId);
      if (owner === undefined) {
        owner = { scenario: row.key.scenario, user: row.key.user, stats: new RowStats() };
        byClass.set(classId, owner);
      }
      owner.stats.addRow(row.stats);
    }
    const checks = [...this.checks.values()].sort(
      (a, b) => a.user.localeCompare(b.user) || a.name.localeCompare(b.name),
    );
    const checkTotals = { passes: 0, fails: 0 };
    for (const check of checks) {
      checkTotals.passes += check.passes;
      checkTotals.fails += check.fails;
    }
    const metrics = this.custom.stats(seconds);
    return {
      ...(metrics === undefined ? {} : { metrics }),
      totals: {
        ...total.toRequestStats(seconds),
        iterations: this.iterations,
        droppedIterations: this.dropped,
        retries: this.retries,
        decoded: { ...this.decoded },
        checks: checkTotals,
      },
      endpoints,
      userClasses: [...byClass.values()].map((owner) => ({
        scenario: owner.scenario,
        user: owner.user,
        ...owner.stats.toRequestStats(seconds),
      })),
      errors: this.errors
        .sorted()
        .map((error) => ({
          kind: error.kind,
          message: error.message,
          count: error.count,
          firstAt: new Date(startedAtMs + error.firstAtMs).toISOString(),
          endpoint:
            error.kind === 'task'
              ? `${error.key.scenario === '' ? '' : `${error.key.scenario}/`}${error.key.user} task ${error.key.name}`
              : formatEndpointKey(error.key),
          key: error.key,
        })),
      checks,
      phases: this.phases.stats(),
      timeSeries: series ? this.series.points() : [],
    };
  }
}


function compareKeys(a: EndpointKey, b: EndpointKey): number {
  return (
    a.scenario.localeCompare(b.scenario) ||
    a.user.localeCompare(b.user) ||
    a.name.localeCompare(b.name) ||
    a.method.localeCompare(b.method)
  );
}

/**
 * The lines of the NDJSON stream (`--out ndjson=<file>`): one JSON object per line, each with a
 * `type`, for log pipelines (Elasticsearch, Loki, jq) as k6's JSON output is used. The shapes are
 * stable and documented in docs/reports.md; a field is only ever added. Times: `time` is ISO wall
 * time, `t` seconds since the run started; latencies are milliseconds, as in the Result.
 *
 *   start      once: the run's name, file, target, planned length and users
 *   interval   per tick: users, and that tick's requests, failures, rates and p95 (all rows)
 *   row        per tick and stats row with requests in it: that tick's counts and latencies
 *   metric     per tick and custom metric: its figures since the start
 *   event      the run stopping (`stopping`), with the tick it was seen at
 *   threshold  at the end, one per threshold: its verdict
 *   end        last: the outcome and the run's totals
 */

import type { IntervalRow } from '../../metrics/interval-rows.js';
import type { CustomMetricStats, Result } from '../../metrics/result.js';
import type { LiveProgress, RunStartInfo } from '../output.js';

/** Seconds to 3 decimals (1 ms), the resolution the ticks have. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function startLine(info: RunStartInfo): object {
  return {
    type: 'start',
    time: info.startedAt,
    run: info.scenario,
    file: info.file,
    host: info.host,
    plannedDurationS: info.plannedDurationMs === null ? null : seconds(info.plannedDurationMs),
    plannedUsers: info.plannedUsers,
  };
}

export function intervalLine(progress: LiveProgress, time: string, requests: number, failures: number): object {
  return {
    type: 'interval',
    time,
    t: seconds(progress.elapsedMs),
    users: progress.users,
    requests,
    failures,
    rps: round(progress.rps),
    failuresPerSec: round(progress.failuresPerSec),
    p95Ms: progress.p95Ms,
  };
}

export function rowLine(row: IntervalRow, t: number, time: string): object {
  const { key } = row;
  return {
    type: 'row',
    time,
    t,
    scenario: key.scenario,
    user: key.user,
    method: key.method,
    name: key.name,
    ...(key.group === undefined ? {} : { group: key.group }),
    ...(key.protocol === undefined ? {} : { protocol: key.protocol }),
    requests: row.requests,
    failures: row.failures,
    bytesIn: row.bytesIn,
    bytesOut: row.bytesOut,
    latencyMs: row.latency,
  };
}

export function metricLine(metric: CustomMetricStats, t: number, time: string): object {
  // The histogram is for merging results, not for a log line.
  const { histogram: _histogram, ...figures } = metric;
  return { type: 'metric', time, t, ...figures };
}

export function eventLine(event: 'stopping', t: number, time: string): object {
  return { type: 'event', time, t, event };
}

export function thresholdLines(result: Result): object[] {
  return result.thresholds.map((verdict) => ({
    type: 'threshold',
    time: result.endedAt,
    expression: verdict.expression,
    ok: verdict.ok,
    actual: verdict.actual,
    actualText: verdict.actualText,
  }));
}

export function endLine(result: Result): object {
  return {
    type: 'end',
    time: result.endedAt,
    t: seconds(result.durationMs),
    outcome: result.outcome,
    ok: result.ok,
    requests: result.totals.requests,
    failures: result.totals.failures,
    iterations: result.totals.iterations,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

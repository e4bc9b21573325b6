/**
 * A StatsSource over a handful of hand-written rows with raw latency samples, so tests can
 * compute every expected figure by hand. It matches filters the way the contract in
 * `src/metrics/stats-source.ts` describes (name or `METHOD name`) and records each call.
 */

import type { MergedStats, RowFilter, StatsSource } from '../../../src/metrics/stats-source.js';

export interface FakeRow {
  scenario?: string;
  user: string;
  name: string;
  method: string;
  tags?: string[];
  /** Latency of every request, ms; its length is the request count. */
  samples: number[];
  failures: number;
  checks?: { passes: number; fails: number };
}

export class FakeStatsSource implements StatsSource {
  readonly calls: { filter: RowFilter; windowMs: number | undefined; args: number }[] = [];

  constructor(
    private readonly rows: readonly FakeRow[],
    private readonly seconds: number,
  ) {}

  select(filter: RowFilter, windowMs?: number): MergedStats {
    // The test checks how many arguments were passed, so it reads `arguments`.
    this.calls.push({ filter, windowMs, args: arguments.length });
    const matched = this.rows.filter((row) => matches(row, filter));
    const samples = matched.flatMap((row) => row.samples).sort((a, b) => a - b);
    const checks = { passes: 0, fails: 0 };
    for (const row of matched) {
      checks.passes += row.checks?.passes ?? 0;
      checks.fails += row.checks?.fails ?? 0;
    }
    return {
      rows: matched.length,
      requests: samples.length,
      failures: matched.reduce((sum, row) => sum + row.failures, 0),
      seconds: this.seconds,
      latency:
        samples.length === 0
          ? null
          : {
              min: samples[0] as number,
              max: samples[samples.length - 1] as number,
              mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
              // Nearest rank, which is what an HDR histogram reports up to its precision.
              percentile: (p: number) => samples[Math.ceil((p / 100) * samples.length) - 1] as number,
            },
      checks,
    };
  }
}

function matches(row: FakeRow, filter: RowFilter): boolean {
  if (filter.scenario !== undefined && filter.scenario !== (row.scenario ?? '')) return false;
  if (filter.user !== undefined && filter.user !== row.user) return false;
  if (filter.method !== undefined && filter.method !== row.method) return false;
  if (filter.tag !== undefined && !(row.tags ?? []).includes(filter.tag)) return false;
  if (filter.name !== undefined && filter.name !== row.name && filter.name !== `${row.method} ${row.name}`) {
    return false;
  }
  return true;
}

/**
 * A MetricsRecorder that only counts what the engine tells it, for engine tests that make no
 * requests: iterations, and errors by (row, kind, message).
 */

import type { MetricsRecorder } from '../../../src/metrics/recorder.js';

export class CountingRecorder implements MetricsRecorder {
  iterations = 0;
  dropped = 0;
  records = 0;
  readonly scopes: { scenario: string; user: string; tags: readonly string[] }[] = [];
  readonly rows: { scope: number; method: string; name: string }[] = [];
  readonly errors: { row: string; kind: 'request' | 'task'; message: string }[] = [];

  scope(scenario: string, user: string, tags: readonly string[]): number {
    this.scopes.push({ scenario, user, tags });
    return this.scopes.length - 1;
  }

  endpoint(scope: number, method: string, name: string): number {
    const found = this.rows.findIndex((r) => r.scope === scope && r.method === method && r.name === name);
    if (found !== -1) return found;
    this.rows.push({ scope, method, name });
    return this.rows.length - 1;
  }

  record(): void {
    this.records++;
  }

  markFailed(): void {}

  error(endpoint: number, kind: 'request' | 'task', message: string): void {
    const row = this.rows[endpoint];
    this.errors.push({
      row: row === undefined ? `#${endpoint}` : `${row.method} ${row.name}`,
      kind,
      message,
    });
  }

  check(): void {}

  iteration(): void {
    this.iterations++;
  }

  droppedIteration(): void {
    this.dropped++;
  }

  /** Custom-metric samples, as (metric id, value). */
  readonly metricSamples: [number, number][] = [];

  customMetric(): number {
    return 0;
  }

  metricSample(metric: number, value: number): void {
    this.metricSamples.push([metric, value]);
  }
}

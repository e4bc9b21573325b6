/**
 * An in-memory MetricsRecorder for the HTTP client tests: it keeps every call so a test can
 * assert on exactly what the client recorded.
 */

import type { MetricsRecorder } from '../../../src/metrics/recorder.js';

export interface RecordCall {
  endpoint: number;
  durationUs: number;
  ttfbUs: number;
  status: number;
  bytesIn: number;
  bytesOut: number;
  failed: boolean;
}

export interface EndpointRow {
  scope: number;
  method: string;
  name: string;
}

export class FakeRecorder implements MetricsRecorder {
  readonly scopes: { scenario: string; user: string; tags: readonly string[] }[] = [];
  readonly rows: EndpointRow[] = [];
  readonly endpointCalls: EndpointRow[] = [];
  readonly records: RecordCall[] = [];
  readonly markedFailed: number[] = [];
  readonly errors: { endpoint: number; kind: 'request' | 'task'; message: string }[] = [];
  readonly checks: { scope: number; name: string; passed: boolean }[] = [];
  iterations = 0;
  dropped = 0;

  scope(scenario: string, user: string, tags: readonly string[]): number {
    return this.scopes.push({ scenario, user, tags }) - 1;
  }

  endpoint(scope: number, method: string, name: string): number {
    this.endpointCalls.push({ scope, method, name });
    const found = this.rows.findIndex((r) => r.scope === scope && r.method === method && r.name === name);
    return found !== -1 ? found : this.rows.push({ scope, method, name }) - 1;
  }

  record(
    endpoint: number,
    durationUs: number,
    ttfbUs: number,
    status: number,
    bytesIn: number,
    bytesOut: number,
    failed: boolean,
  ): void {
    this.records.push({ endpoint, durationUs, ttfbUs, status, bytesIn, bytesOut, failed });
  }

  markFailed(endpoint: number): void {
    this.markedFailed.push(endpoint);
  }

  error(endpoint: number, kind: 'request' | 'task', message: string): void {
    this.errors.push({ endpoint, kind, message });
  }

  check(scope: number, name: string, passed: boolean): void {
    this.checks.push({ scope, name, passed });
  }

  iteration(): void {
    this.iterations++;
  }

  /** Requests sent again after a dropped kept-alive connection. */
  retries = 0;
  retry(): void {
    this.retries++;
  }

  /** Compressed bodies decoded on read: [wire bytes, decoded bytes] each. */
  decoded: [number, number][] = [];
  bodyDecoded(wireBytes: number, decodedBytes: number): void {
    this.decoded.push([wireBytes, decodedBytes]);
  }

  droppedIteration(): void {
    this.dropped++;
  }

  /** The row a record call went to. */
  rowOf(call: RecordCall | { endpoint: number }): EndpointRow {
    const row = this.rows[call.endpoint];
    if (row === undefined) throw new Error(`no row ${call.endpoint}`);
    return row;
  }

  last(): RecordCall {
    const call = this.records.at(-1);
    if (call === undefined) throw new Error('nothing recorded');
    return call;
  }

  customMetric(): number {
    return 0;
  }

  metricSample(): void {}
}

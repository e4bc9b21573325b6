/**
 * The HTTP client tests' in-memory recorder, with what WebSocket rows add: each row's protocol,
 * and the custom-metric samples by metric name.
 */

import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import type { Protocol } from '../../../src/metrics/endpoint-key.js';
import { FakeRecorder } from '../http/fake-recorder.js';

export class WsRecorder extends FakeRecorder {
  readonly protocols: (Protocol | undefined)[] = [];
  readonly metricNames: string[] = [];
  readonly metricSums = new Map<string, number>();

  override endpoint(scope: number, method: string, name: string, protocol?: Protocol): number {
    const id = super.endpoint(scope, method, name);
    this.protocols[id] = protocol;
    return id;
  }

  override customMetric(declaration?: CustomMetricDeclaration): number {
    const name = declaration?.name ?? '';
    const known = this.metricNames.indexOf(name);
    return known !== -1 ? known : this.metricNames.push(name) - 1;
  }

  override metricSample(metric?: number, value?: number): void {
    const name = this.metricNames[metric ?? -1] ?? '?';
    this.metricSums.set(name, (this.metricSums.get(name) ?? 0) + (value ?? 0));
  }

  /** The samples of the row `method name`, in order. */
  samples(method: string, name: string): { failed: boolean; durationUs: number; bytesIn: number; bytesOut: number; status: number }[] {
    return this.records.filter((r) => {
      const row = this.rowOf(r);
      return row.method === method && row.name === name;
    });
  }

  /** The error messages grouped under rows of `method`. */
  errorsOf(method: string): string[] {
    return this.errors.filter((e) => this.rows[e.endpoint]?.method === method).map((e) => e.message);
  }
}

/**
 * The HTTP client tests' in-memory recorder, also keeping custom-metric samples by name, so the
 * SSE tests can see `sse_events`, `sse_event_gap_ms` and `sse_reconnects`.
 */

import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import { FakeRecorder } from '../http/fake-recorder.js';

export class SseRecorder extends FakeRecorder {
  readonly declarations: CustomMetricDeclaration[] = [];
  readonly samples = new Map<string, number[]>();

  override customMetric(declaration?: CustomMetricDeclaration): number {
    if (declaration === undefined) throw new Error('a declaration is needed');
    const known = this.declarations.findIndex((d) => d.name === declaration.name);
    return known !== -1 ? known : this.declarations.push(declaration) - 1;
  }

  override metricSample(metric?: number, value?: number): void {
    const name = this.declarations[metric ?? -1]?.name ?? 'unknown';
    this.samples.set(name, [...(this.samples.get(name) ?? []), value ?? Number.NaN]);
  }

  /** The samples of one metric ([] when none). */
  metric(name: string): number[] {
    return this.samples.get(name) ?? [];
  }
}

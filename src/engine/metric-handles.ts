/**
 * `vu.metric(name)`: a virtual user's handles on the scenario's custom metrics. A handle is made
 * once per (user, metric) and kept, with its recorder id resolved, so `add()` in a task's loop
 * allocates nothing: it turns a boolean into 1 or 0 and hands the number to the recorder.
 */

import { VolleyError } from '../errors.js';
import type { CustomMetricDeclaration } from '../metrics/custom-metric.js';
import type { MetricsRecorder } from '../metrics/recorder.js';

/** What `vu.metric(name)` returns. */
export interface MetricHandle {
  /**
   * Records one sample: a counter adds it (at least 0), a gauge sets it, a rate counts it as
   * true or false (a number is true when not 0), a trend records it (at least 0).
   */
  add(value: number | boolean): void;
}

class RecorderMetricHandle implements MetricHandle {
  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly id: number,
  ) {}

  add(value: number | boolean): void {
    this.recorder.metricSample(this.id, typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
}

export class MetricHandles {
  private readonly handles = new Map<string, MetricHandle>();

  constructor(
    private readonly declarations: readonly CustomMetricDeclaration[],
    private readonly recorder: MetricsRecorder,
  ) {}

  get(name: string): MetricHandle {
    const known = this.handles.get(name);
    if (known !== undefined) return known;
    const declaration = this.declarations.find((d) => d.name === name);
    if (declaration === undefined) throw undeclared(name, this.declarations);
    const handle = new RecorderMetricHandle(this.recorder, this.recorder.customMetric(declaration));
    this.handles.set(name, handle);
    return handle;
  }
}

function undeclared(name: string, declarations: readonly CustomMetricDeclaration[]): VolleyError {
  const declared =
    declarations.length === 0
      ? 'the scenario declares none (add metrics: { name: kind } to defineScenario)'
      : `declared: ${declarations.map((d) => `${d.name} (${d.kind})`).join(', ')}`;
  return new VolleyError('VOLLEY_E_SCENARIO', `vu.metric('${name}'): no such metric; ${declared}`);
}

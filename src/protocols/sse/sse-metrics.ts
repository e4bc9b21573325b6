/**
 * The built-in metrics of Server-Sent Events, declared once per user (when it opens its first
 * stream) as custom metrics, so they merge across workers, show in every report and take
 * thresholds (`metric=sse_events:rate>100`) like a scenario's own metrics.
 */

import type { CustomMetricDeclaration } from '../../metrics/custom-metric.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { EventMeter } from './event-reader.js';

/** Events received (a counter: its rate is events per second). */
export const SSE_EVENTS: CustomMetricDeclaration = { name: 'sse_events', kind: 'counter' };
/** The time between consecutive events of one connection. */
export const SSE_EVENT_GAP: CustomMetricDeclaration = { name: 'sse_event_gap_ms', kind: 'trend', unit: 'ms' };
/** Reconnects made after a stream ended or dropped. */
export const SSE_RECONNECTS: CustomMetricDeclaration = { name: 'sse_reconnects', kind: 'counter' };

export class SseMetrics implements EventMeter {
  private readonly events: number;
  private readonly gaps: number;
  private readonly reconnects: number;

  constructor(private readonly recorder: MetricsRecorder) {
    this.events = recorder.customMetric(SSE_EVENTS);
    this.gaps = recorder.customMetric(SSE_EVENT_GAP);
    this.reconnects = recorder.customMetric(SSE_RECONNECTS);
  }

  event(gapMs: number): void {
    this.recorder.metricSample(this.events, 1);
    if (gapMs >= 0) this.recorder.metricSample(this.gaps, gapMs);
  }

  reconnect(): void {
    this.recorder.metricSample(this.reconnects, 1);
  }
}

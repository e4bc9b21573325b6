/**
 * The built-in metrics of Server-Sent Events, declared once per user (when it opens its first
 * stream) as custom metrics, so they merge across workers, show in every report and take
 * thresholds (`metric=sse_events:rate>100`) like a scenario's own metrics.
 */

import { SSE_EVENT_GAP, SSE_EVENTS, SSE_RECONNECTS } from '../../metrics/builtin-metrics.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { EventMeter } from './event-reader.js';

export { SSE_EVENT_GAP, SSE_EVENTS, SSE_RECONNECTS };

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

/**
 * Built-in protocol metrics (`sse_events`, …): thresholds take them without a declaration, and a
 * scenario cannot declare a metric of the same name.
 */

import { describe, expect, it } from 'vitest';
import { compileMetricDeclarations } from '../../../src/engine/metric-declarations.js';
import { BUILTIN_METRICS } from '../../../src/metrics/builtin-metrics.js';
import { checkCustomMetricThresholds, parseThresholds } from '../../../src/thresholds/index.js';

describe('built-in metrics', () => {
  it('take thresholds with no declaration, with their own kind and unit', () => {
    const specs = parseThresholds(
      ['metric=sse_event_gap_ms:p95<200ms', 'metric=sse_events:count>=30', 'metric=ws_messages_received:rate>10/s', 'metric=grpc_messages_received:count>0'],
      'load.ts',
    );
    checkCustomMetricThresholds(specs, BUILTIN_METRICS.map((m) => m.declaration));
    expect(specs.map((s) => s.metric)).toMatchObject([
      { kind: 'custom', name: 'sse_event_gap_ms', metricKind: 'trend', ms: true },
      { kind: 'custom', name: 'sse_events', metricKind: 'counter' },
      { kind: 'custom', name: 'ws_messages_received', metricKind: 'counter' },
      { kind: 'custom', name: 'grpc_messages_received', metricKind: 'counter' },
    ]);
  });

  it("cannot be declared by a scenario: the error names the protocol that records it", () => {
    expect(() => compileMetricDeclarations({ sse_events: 'trend', cost_usd: 'trend' }, 'load.ts')).toThrow(
      "load.ts: metric 'sse_events': the name is volley's own, recorded by Server-Sent Events (vu.http.sse); it needs no declaration",
    );
  });

  it('have unique names', () => {
    const names = BUILTIN_METRICS.map((m) => m.declaration.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

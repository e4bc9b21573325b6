/**
 * A run's figures as OpenTelemetry metric data, cumulative since the run started (the exporter
 * sends them with OTLP's cumulative temporality): per stats row a request counter, a failure
 * counter and a duration histogram whose buckets come exactly from the HDR data; users; the
 * scenario's custom metrics; and once the run has ended, its verdict and each threshold's.
 * Pure: the same state gives the same data.
 */

import { type Attributes, type HrTime, ValueType } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';
import type { EndpointKey } from '../../metrics/endpoint-key.js';
import type { Histogram } from '../../metrics/histogram.js';
import type { CustomMetricStats, Result } from '../../metrics/result.js';
import { DURATION_BOUNDARIES_S, explicitBuckets } from './explicit-buckets.js';

/** What a row has gathered since the start of the run. */
export interface RowTotals {
  key: EndpointKey;
  requests: number;
  failures: number;
  /** Latencies in µs; null until a request finished. */
  latency: Histogram | null;
}

export interface OtlpState {
  startTime: HrTime;
  endTime: HrTime;
  users: number;
  rows: readonly RowTotals[];
  metrics: readonly CustomMetricStats[];
  /** Set once the run has ended. */
  result: Result | null;
}

const DOUBLE = ValueType.DOUBLE;
const US_PER_S = 1_000_000;

export function hrTime(epochMs: number): HrTime {
  const seconds = Math.floor(epochMs / 1000);
  return [seconds, Math.round((epochMs - seconds * 1000) * 1e6)];
}

export function rowAttributes(key: EndpointKey): Attributes {
  const attributes: Attributes = { user_class: key.user, method: key.method, name: key.name };
  if (key.scenario !== '') attributes.scenario = key.scenario;
  if (key.group !== undefined) attributes.group = key.group;
  if (key.protocol !== undefined) attributes.protocol = key.protocol;
  return attributes;
}

export function otlpMetrics(state: OtlpState): MetricData[] {
  const point = <T>(attributes: Attributes, value: T) => ({ startTime: state.startTime, endTime: state.endTime, attributes, value });
  const sum = (name: string, description: string, unit: string, points: { attributes: Attributes; value: number }[]): MetricData => ({
    descriptor: { name, description, unit, valueType: DOUBLE },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.SUM,
    isMonotonic: true,
    dataPoints: points.map((p) => point(p.attributes, p.value)),
  });
  const gauge = (name: string, description: string, unit: string, points: { attributes: Attributes; value: number }[]): MetricData => ({
    descriptor: { name, description, unit, valueType: DOUBLE },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE,
    dataPoints: points.map((p) => point(p.attributes, p.value)),
  });
  const rows = state.rows;
  const data: MetricData[] = [
    sum('volley.requests', 'Requests finished, per stats row.', '{request}', rows.map((r) => ({ attributes: rowAttributes(r.key), value: r.requests }))),
    sum('volley.request.failures', 'Failed requests, per stats row.', '{request}', rows.map((r) => ({ attributes: rowAttributes(r.key), value: r.failures }))),
    {
      descriptor: { name: 'volley.request.duration', description: 'Request duration per stats row, from when the request was due.', unit: 's', valueType: DOUBLE },
      aggregationTemporality: AggregationTemporality.CUMULATIVE,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints: rows.flatMap((r) => {
        if (r.latency === null) return [];
        const buckets = explicitBuckets(r.latency, DURATION_BOUNDARIES_S, US_PER_S);
        return [point(rowAttributes(r.key), { buckets: { boundaries: buckets.boundaries, counts: buckets.counts }, count: buckets.count, sum: buckets.sum, min: buckets.min, max: buckets.max })];
      }),
    },
    gauge('volley.users', 'Virtual users alive.', '{user}', [{ attributes: {}, value: state.users }]),
    ...customMetricData(state.metrics, sum, gauge),
  ];
  if (state.result !== null) data.push(...verdictData(state.result, gauge));
  return data.filter((metric) => metric.dataPoints.length > 0);
}

type Maker = (name: string, description: string, unit: string, points: { attributes: Attributes; value: number }[]) => MetricData;

/** Custom metrics as `volley.custom.<name>`: a counter's sum, a gauge's last value, a rate's fraction, a trend's statistics. */
function customMetricData(metrics: readonly CustomMetricStats[], sum: Maker, gauge: Maker): MetricData[] {
  return metrics.map((metric) => {
    const name = `volley.custom.${metric.name}`;
    const unit = metric.unit ?? '1';
    switch (metric.kind) {
      case 'counter':
        return sum(name, `Custom counter ${metric.name}: the sum added.`, unit, [{ attributes: {}, value: metric.sum ?? 0 }]);
      case 'gauge':
        return gauge(name, `Custom gauge ${metric.name}: the last value set.`, unit, [{ attributes: {}, value: metric.last ?? 0 }]);
      case 'rate':
        return gauge(name, `Custom rate ${metric.name}: the fraction of values that were true.`, '1', [{ attributes: {}, value: metric.rate ?? 0 }]);
      default: {
        const stats = ['avg', 'min', 'med', 'p90', 'p95', 'p99', 'max'] as const;
        const points = stats.flatMap((stat) => (metric[stat] === undefined ? [] : [{ attributes: { stat }, value: metric[stat] }]));
        return gauge(name, `Custom trend ${metric.name}: its statistics since the start (attribute stat).`, unit, points);
      }
    }
  });
}

function verdictData(result: Result, gauge: Maker): MetricData[] {
  return [
    gauge('volley.run.passed', '1 when the run passed (every threshold held), 0 when it failed or was aborted.', '1', [
      { attributes: { outcome: result.outcome }, value: result.ok ? 1 : 0 },
    ]),
    gauge(
      'volley.threshold.passed',
      '1 when the threshold held at the end of the run, 0 when it failed.',
      '1',
      result.thresholds.map((t) => ({ attributes: { threshold: t.expression }, value: t.ok ? 1 : 0 })),
    ),
  ];
}

/**
 * `--otlp <endpoint>`: pushes the run's metrics over OTLP/HTTP (protobuf) with OpenTelemetry's
 * own exporter, every `intervalMs` and once more at the end with the verdict, the way k6's
 * OpenTelemetry output and Locust's `--otel` do. Off the hot path: it reads the tick's merged
 * rows, keeps each row's cumulative HDR histogram, and builds the metric data only when it
 * exports. An endpoint that is down costs one warning, never the run.
 */

import type { HrTime } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { endpointKeyId } from '../../metrics/endpoint-key.js';
import { createHistogram } from '../../metrics/histogram.js';
import type { CustomMetricStats, Result } from '../../metrics/result.js';
import { VERSION } from '../../version.js';
import type { LiveProgress, Output, RunStartInfo } from '../output.js';
import { hrTime, otlpMetrics, type RowTotals } from './otlp-metrics.js';

export interface OtlpOutputOptions {
  /** The collector's metrics URL (`http://127.0.0.1:4318/v1/metrics`). */
  url: string;
  headers: Record<string, string>;
  intervalMs: number;
  /** Where a failed export is reported (once). */
  warn: (message: string) => void;
}

/**
 * How long one push may take, retries included (the exporter retries a refused connection with
 * backoff): the run's end waits for its last push at most this long.
 */
const EXPORT_TIMEOUT_MS = 5000;

/** The instrumentation scope every metric carries. */
const SCOPE = { name: 'volley', version: VERSION };

export class OtlpOutput implements Output {
  readonly name = 'otlp';
  readonly wantsIntervalRows = true;
  readonly #options: OtlpOutputOptions;
  readonly #exporter: OTLPMetricExporter;
  readonly #rows = new Map<string, RowTotals>();
  #resource: Resource | null = null;
  #startTime: HrTime = hrTime(Date.now());
  #users = 0;
  #metrics: readonly CustomMetricStats[] = [];
  #lastExportMs = 0;
  #pending: Promise<void> = Promise.resolve();
  #warned = false;
  exports = 0;

  constructor(options: OtlpOutputOptions) {
    this.#options = options;
    this.#exporter = new OTLPMetricExporter({ url: options.url, headers: options.headers, timeoutMillis: EXPORT_TIMEOUT_MS });
  }

  onStart(info: RunStartInfo): void {
    const startedMs = Date.parse(info.startedAt);
    this.#startTime = hrTime(Number.isFinite(startedMs) ? startedMs : Date.now());
    this.#lastExportMs = Date.now();
    this.#resource = resourceFromAttributes({
      'service.name': 'volley',
      'service.version': VERSION,
      'volley.run': info.scenario,
      'volley.run.started_at': info.startedAt,
      'volley.target': info.host,
      ...(info.file === null ? {} : { 'volley.scenario.file': info.file }),
    });
  }

  onProgress(progress: LiveProgress): void {
    this.#users = progress.users;
    this.#metrics = progress.metrics ?? [];
    for (const row of progress.interval ?? []) {
      const id = endpointKeyId(row.key);
      let totals = this.#rows.get(id);
      if (totals === undefined) {
        totals = { key: row.key, requests: 0, failures: 0, latency: null };
        this.#rows.set(id, totals);
      }
      totals.requests += row.requests;
      totals.failures += row.failures;
      if (row.histogram !== null) (totals.latency ??= createHistogram()).add(row.histogram);
    }
    if (Date.now() - this.#lastExportMs >= this.#options.intervalMs) this.#export(null);
  }

  async onEnd(result: Result): Promise<void> {
    this.#users = 0;
    this.#metrics = result.metrics ?? this.#metrics;
    this.#export(result);
    await this.#pending;
    await this.#exporter.shutdown();
  }

  #export(result: Result | null): void {
    this.#lastExportMs = Date.now();
    const data: ResourceMetrics = {
      resource: this.#resource ?? resourceFromAttributes({ 'service.name': 'volley' }),
      scopeMetrics: [
        {
          scope: SCOPE,
          metrics: otlpMetrics({
            startTime: this.#startTime,
            endTime: hrTime(Date.now()),
            users: this.#users,
            rows: [...this.#rows.values()],
            metrics: this.#metrics,
            result,
          }),
        },
      ],
    };
    // One export at a time, in order: the collector sees cumulative values that only grow.
    this.#pending = this.#pending.then(
      () =>
        new Promise<void>((resolve) => {
          this.#exporter.export(data, (outcome) => {
            if (outcome.error === undefined && outcome.code === 0) this.exports++;
            else this.#warn(outcome.error?.message ?? 'export failed');
            resolve();
          });
        }),
    );
  }

  #warn(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#options.warn(`--otlp: ${this.#options.url} did not take the metrics: ${message}`);
  }
}

/**
 * The recorder's custom metrics: fixed fields per metric id in typed arrays, a histogram per
 * trend, so recording a sample allocates nothing (see custom-metric.ts for the kinds). Once per
 * interval `flush()` turns what was recorded into Snapshot entries and starts again at zero.
 */

import {
  type CustomMetricDeclaration,
  type CustomMetricKind,
  MAX_CUSTOM_METRICS,
  TREND_SCALE,
} from './custom-metric.js';
import { createHistogram, encodeHistogram, type Histogram } from './histogram.js';
import type { SnapshotMetric } from './snapshot.js';

const COUNTER = 0;
const GAUGE = 1;
const RATE = 2;
const TREND = 3;
const KIND_CODES: Record<CustomMetricKind, number> = { counter: COUNTER, gauge: GAUGE, rate: RATE, trend: TREND };

export class CustomMetricStore {
  private readonly declarations: CustomMetricDeclaration[] = [];
  private readonly ids = new Map<string, number>();
  private readonly kinds = new Uint8Array(MAX_CUSTOM_METRICS);
  private readonly samples = new Float64Array(MAX_CUSTOM_METRICS);
  /** Counter: the sum; rate: the trues; trend: the sum of values. */
  private readonly sums = new Float64Array(MAX_CUSTOM_METRICS);
  private readonly mins = new Float64Array(MAX_CUSTOM_METRICS).fill(Infinity);
  private readonly maxes = new Float64Array(MAX_CUSTOM_METRICS).fill(-Infinity);
  private readonly lasts = new Float64Array(MAX_CUSTOM_METRICS);
  private readonly lastAts = new Float64Array(MAX_CUSTOM_METRICS);
  private readonly histograms: (Histogram | null)[] = [];

  constructor(private readonly now: () => number) {}

  /** The id of a declared metric, registered on first use (the same declaration, the same id). */
  register(declaration: CustomMetricDeclaration): number {
    const known = this.ids.get(declaration.name);
    if (known !== undefined) return known;
    const id = this.declarations.length;
    if (id >= MAX_CUSTOM_METRICS) {
      throw new RangeError(`at most ${MAX_CUSTOM_METRICS} custom metrics per run`);
    }
    this.declarations.push(declaration);
    this.ids.set(declaration.name, id);
    this.kinds[id] = KIND_CODES[declaration.kind];
    this.histograms.push(declaration.kind === 'trend' ? createHistogram() : null);
    return id;
  }

  /** One sample; throws (a task error) on a value the metric's kind cannot take. */
  add(id: number, value: number): void {
    switch (this.kinds[id]) {
      case COUNTER:
        if (!(value >= 0 && value < Infinity)) this.reject(id, value, 'a finite number >= 0');
        this.samples[id]!++;
        this.sums[id]! += value;
        return;
      case RATE:
        if (value !== value) this.reject(id, value, 'true, false or a number');
        this.samples[id]!++;
        if (value !== 0) this.sums[id]!++;
        return;
      case GAUGE:
        if (!Number.isFinite(value)) this.reject(id, value, 'a finite number');
        this.samples[id]!++;
        this.lasts[id] = value;
        this.lastAts[id] = this.now();
        this.extremes(id, value);
        return;
      default:
        if (!(value >= 0 && value < Infinity)) this.reject(id, value, 'a finite number >= 0');
        this.samples[id]!++;
        this.sums[id]! += value;
        this.extremes(id, value);
        (this.histograms[id] as Histogram).recordValue(Math.round(value * TREND_SCALE));
    }
  }

  private extremes(id: number, value: number): void {
    if (value < this.mins[id]!) this.mins[id] = value;
    if (value > this.maxes[id]!) this.maxes[id] = value;
  }

  private reject(id: number, value: number, wanted: string): never {
    const declaration = this.declarations[id] as CustomMetricDeclaration;
    throw new RangeError(
      `metric ${declaration.name} (${declaration.kind}) takes ${wanted}, got ${String(value)}`,
    );
  }

  /** The interval's entries (metrics with samples only), or undefined when none had any. */
  flush(): SnapshotMetric[] | undefined {
    let out: SnapshotMetric[] | undefined;
    for (let id = 0; id < this.declarations.length; id++) {
      if (this.samples[id] === 0) continue;
      const declaration = this.declarations[id] as CustomMetricDeclaration;
      const histogram = this.histograms[id] ?? null;
      const entry: SnapshotMetric = {
        name: declaration.name,
        kind: declaration.kind,
        ...(declaration.unit === undefined ? {} : { unit: declaration.unit }),
        ...(declaration.better === undefined ? {} : { better: declaration.better }),
        samples: this.samples[id]!,
        sum: this.sums[id]!,
        min: this.mins[id] === Infinity ? 0 : this.mins[id]!,
        max: this.maxes[id] === -Infinity ? 0 : this.maxes[id]!,
        last: this.lasts[id]!,
        lastAtMs: this.lastAts[id]!,
        histogram: histogram === null ? '' : encodeHistogram(histogram),
      };
      (out ??= []).push(entry);
      histogram?.reset();
      this.samples[id] = 0;
      this.sums[id] = 0;
      this.mins[id] = Infinity;
      this.maxes[id] = -Infinity;
    }
    return out;
  }
}

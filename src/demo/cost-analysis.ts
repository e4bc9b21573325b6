/**
 * The cost agent's analysis (seed 003), a real if small computation so `/analyze` costs CPU the
 * way a real analysis endpoint does, deterministically and within a bound:
 *
 * - per service, daily costs summed and ordered by date;
 * - anomalies by robust z-score (median and MAD, |z| > 3.5), which a spike cannot hide from;
 * - the trend as a least-squares slope;
 * - a forecast by Holt's linear smoothing, its two factors fitted by grid search over
 *   19 × 19 values (the bulk of the work: 361 passes over the series).
 *
 * Input is bounded (MAX_RECORDS), so the work per call is too: at most ~2 M smoothing steps.
 */

export interface CostRecord {
  service: string;
  /** YYYY-MM-DD. */
  date: string;
  cost: number;
}

export interface Anomaly {
  date: string;
  cost: number;
  zScore: number;
}

export interface ServiceAnalysis {
  service: string;
  days: number;
  total: number;
  mean: number;
  stdev: number;
  median: number;
  /** Cost change per day, least squares. */
  trendPerDay: number;
  anomalies: Anomaly[];
  smoothing: { alpha: number; beta: number; rmse: number };
  /** Forecast total over the horizon. */
  forecast: number;
}

export const MAX_RECORDS = 5000;
const GRID = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
const ANOMALY_Z = 3.5;

/** Analyses each service's daily series; services in first-seen order. */
export function analyzeCosts(records: readonly CostRecord[], horizonDays: number): ServiceAnalysis[] {
  const byService = new Map<string, Map<string, number>>();
  for (const { service, date, cost } of records) {
    let days = byService.get(service);
    if (days === undefined) {
      days = new Map();
      byService.set(service, days);
    }
    days.set(date, (days.get(date) ?? 0) + cost);
  }
  const out: ServiceAnalysis[] = [];
  for (const [service, days] of byService) {
    const dates = [...days.keys()].sort();
    const values = dates.map((d) => days.get(d) as number);
    out.push(analyzeSeries(service, dates, values, horizonDays));
  }
  return out;
}

function analyzeSeries(
  service: string,
  dates: string[],
  values: number[],
  horizonDays: number,
): ServiceAnalysis {
  const n = values.length;
  const total = sum(values);
  const mean = total / n;
  const stdev = Math.sqrt(sum(values.map((v) => (v - mean) ** 2)) / n);
  const median = quantile(values, 0.5);
  const mad = quantile(
    values.map((v) => Math.abs(v - median)),
    0.5,
  );
  const anomalies: Anomaly[] = [];
  if (mad > 0) {
    values.forEach((v, i) => {
      const z = (0.6745 * (v - median)) / mad;
      if (Math.abs(z) > ANOMALY_Z)
        anomalies.push({ date: dates[i] as string, cost: round(v, 2), zScore: round(z, 3) });
    });
  }
  const smoothing = fitHolt(values);
  return {
    service,
    days: n,
    total: round(total, 2),
    mean: round(mean, 2),
    stdev: round(stdev, 2),
    median: round(median, 2),
    trendPerDay: round(slope(values), 4),
    anomalies,
    smoothing: { alpha: smoothing.alpha, beta: smoothing.beta, rmse: round(smoothing.rmse, 4) },
    forecast: round(forecastTotal(smoothing.level, smoothing.trend, horizonDays), 2),
  };
}

interface HoltFit {
  alpha: number;
  beta: number;
  rmse: number;
  level: number;
  trend: number;
}

/** Grid search of Holt's (alpha, beta) by one-step-ahead squared error. */
export function fitHolt(values: readonly number[]): HoltFit {
  let best: HoltFit = { alpha: 1, beta: 0, rmse: 0, level: values.at(-1) ?? 0, trend: 0 };
  if (values.length < 3) return best;
  let bestSse = Number.POSITIVE_INFINITY;
  for (const alpha of GRID) {
    for (const beta of GRID) {
      let level = values[0] as number;
      let trend = (values[1] as number) - level;
      let sse = 0;
      for (let i = 1; i < values.length; i++) {
        const x = values[i] as number;
        const predicted = level + trend;
        sse += (x - predicted) ** 2;
        const nextLevel = alpha * x + (1 - alpha) * predicted;
        trend = beta * (nextLevel - level) + (1 - beta) * trend;
        level = nextLevel;
      }
      if (sse < bestSse) {
        bestSse = sse;
        best = { alpha, beta, rmse: Math.sqrt(sse / (values.length - 1)), level, trend };
      }
    }
  }
  return best;
}

function forecastTotal(level: number, trend: number, horizon: number): number {
  let total = 0;
  for (let h = 1; h <= horizon; h++) total += Math.max(0, level + h * trend);
  return total;
}

/** Least-squares slope of values against their index. */
export function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = sum(values) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

/** Linear-interpolated quantile (q in [0, 1]) of an unsorted list. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * The demo's behaviour knobs beyond port and host: the shape of injected latency, the
 * "degrade past N requests/s" capacity mode, and the tunables of the seed APIs (upload rate
 * limit, generation stage time, budget). Validated with the rest of the options, collecting
 * every problem; defaults are the seeds' own numbers (10 uploads per hour, for instance).
 */

export type LatencyDistribution = 'normal' | 'exponential';

export interface DemoLatency {
  /** Added to every API response (everything but `/`, `/health`, `/ready`, `/live` and the probes), ms. */
  fixedMs?: number;
  /** Plus a uniform random 0..jitterMs, ms. */
  jitterMs?: number;
  /**
   * Plus a sample of this distribution: `normal` (meanMs, stdMs; negative samples count as 0)
   * or `exponential` (meanMs), for a realistic long tail.
   */
  distribution?: LatencyDistribution;
  meanMs?: number;
  stdMs?: number;
}

export interface DemoDegrade {
  /** Requests per second the demo serves without slowing down. */
  capacityRps: number;
  /** Added latency per 100 % of excess: at a rate of 2 × capacityRps every request waits this long. Default 100. */
  slopeMs?: number;
}

export interface DemoUploads {
  /** Uploads one user may make per window (default 10). */
  perWindow?: number;
  /** The window, ms (default one hour). */
  windowMs?: number;
  /** Largest accepted upload body, bytes (default 50 MiB). */
  maxBytes?: number;
}

export interface DemoGeneration {
  /** How long a generation task stays queued, then running, ms (default 200 each). */
  stageMs?: number;
}

export interface DemoBudget {
  /** Spend an account may check before its circuit breaker trips (default 1000). */
  limit?: number;
  /** How long a tripped breaker stays open before closing on its own, ms; 0 (default) waits for a reset. */
  coolDownMs?: number;
}

export interface ServiceOptions {
  distribution: LatencyDistribution | 'none';
  meanMs: number;
  stdMs: number;
  /** 0 when degrade mode is off. */
  degradeRps: number;
  degradeSlopeMs: number;
  uploadsPerWindow: number;
  uploadWindowMs: number;
  maxUploadBytes: number;
  generationStageMs: number;
  budgetLimit: number;
  budgetCoolDownMs: number;
  /** Wall clock, epoch ms; tests inject one to move time. */
  clock: () => number;
}

export interface ServiceOptionsInput {
  latency?: DemoLatency | undefined;
  degrade?: DemoDegrade | undefined;
  uploads?: DemoUploads | undefined;
  generation?: DemoGeneration | undefined;
  budget?: DemoBudget | undefined;
  clock?: (() => number) | undefined;
}

export const DEFAULT_UPLOADS_PER_WINDOW = 10;
export const DEFAULT_UPLOAD_WINDOW_MS = 3_600_000;
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_BYTES_LIMIT = 1024 * 1024 * 1024;
export const DEFAULT_GENERATION_STAGE_MS = 200;
export const DEFAULT_BUDGET_LIMIT = 1000;
export const DEFAULT_DEGRADE_SLOPE_MS = 100;
/** Per-user upload timestamps are kept, so the per-window count is bounded. */
export const MAX_UPLOADS_PER_WINDOW = 100_000;

/** Resolves the knobs, pushing a message per problem onto `problems`. */
export function resolveServiceOptions(input: ServiceOptionsInput, problems: string[]): ServiceOptions {
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const latency = input.latency ?? {};
  const distribution = latency.distribution ?? 'none';
  check(
    distribution === 'none' || distribution === 'normal' || distribution === 'exponential',
    `latency.distribution: expected 'normal' or 'exponential', got ${String(distribution)}`,
  );
  const meanMs = latency.meanMs ?? 0;
  const stdMs = latency.stdMs ?? 0;
  check(isNonNegative(meanMs), `latency.meanMs: expected a number >= 0, got ${String(meanMs)}`);
  check(isNonNegative(stdMs), `latency.stdMs: expected a number >= 0, got ${String(stdMs)}`);
  if (distribution === 'none' && (latency.meanMs !== undefined || latency.stdMs !== undefined)) {
    problems.push("latency.meanMs/stdMs: need latency.distribution ('normal' or 'exponential')");
  }

  let degradeRps = 0;
  let degradeSlopeMs = DEFAULT_DEGRADE_SLOPE_MS;
  if (input.degrade !== undefined) {
    degradeRps = input.degrade.capacityRps;
    degradeSlopeMs = input.degrade.slopeMs ?? DEFAULT_DEGRADE_SLOPE_MS;
    check(isPositive(degradeRps), `degrade.capacityRps: expected a number > 0, got ${String(degradeRps)}`);
    check(
      isNonNegative(degradeSlopeMs),
      `degrade.slopeMs: expected a number >= 0, got ${String(degradeSlopeMs)}`,
    );
  }

  const uploadsPerWindow = input.uploads?.perWindow ?? DEFAULT_UPLOADS_PER_WINDOW;
  const uploadWindowMs = input.uploads?.windowMs ?? DEFAULT_UPLOAD_WINDOW_MS;
  const maxUploadBytes = input.uploads?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  check(
    isIntegerIn(uploadsPerWindow, 1, MAX_UPLOADS_PER_WINDOW),
    `uploads.perWindow: expected an integer from 1 to ${MAX_UPLOADS_PER_WINDOW}, got ${String(uploadsPerWindow)}`,
  );
  check(isPositive(uploadWindowMs), `uploads.windowMs: expected a number > 0, got ${String(uploadWindowMs)}`);
  check(
    isIntegerIn(maxUploadBytes, 1, MAX_UPLOAD_BYTES_LIMIT),
    `uploads.maxBytes: expected an integer from 1 to ${MAX_UPLOAD_BYTES_LIMIT}, got ${String(maxUploadBytes)}`,
  );

  const generationStageMs = input.generation?.stageMs ?? DEFAULT_GENERATION_STAGE_MS;
  check(
    isNonNegative(generationStageMs),
    `generation.stageMs: expected a number >= 0, got ${String(generationStageMs)}`,
  );

  const budgetLimit = input.budget?.limit ?? DEFAULT_BUDGET_LIMIT;
  const budgetCoolDownMs = input.budget?.coolDownMs ?? 0;
  check(isPositive(budgetLimit), `budget.limit: expected a number > 0, got ${String(budgetLimit)}`);
  check(
    isNonNegative(budgetCoolDownMs),
    `budget.coolDownMs: expected a number >= 0, got ${String(budgetCoolDownMs)}`,
  );

  const clock = input.clock ?? Date.now;
  check(typeof clock === 'function', 'clock: expected a function returning epoch milliseconds');

  return {
    distribution,
    meanMs,
    stdMs,
    degradeRps,
    degradeSlopeMs,
    uploadsPerWindow,
    uploadWindowMs,
    maxUploadBytes,
    generationStageMs,
    budgetLimit,
    budgetCoolDownMs,
    clock,
  };
}

export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isPositive(value: unknown): value is number {
  return isNonNegative(value) && value > 0;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Seed 002's configuration, read from the environment under the seed's own variable names
 * (`LOAD_TEST_HOST`, `AUTH_P95_LATENCY_MS`, …), so a team's existing `.env.load-testing` works
 * unchanged: `volley run platform.ts --env-file .env.load-testing`. Every variable is optional;
 * the defaults are the seed's numbers. A bad value stops the run before it starts (exit 2),
 * naming the variable.
 */

const env = process.env;

function numberVar(name: string, fallback: number, check: (value: number) => boolean, hint: string): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) {
    throw new Error(`${name}: expected ${hint}, got '${raw}'`);
  }
  return value;
}

const count = (name: string, fallback: number): number =>
  numberVar(name, fallback, (v) => Number.isInteger(v) && v >= 0, 'a whole number >= 0');
const nonNegative = (name: string, fallback: number): number =>
  numberVar(name, fallback, (v) => v >= 0, 'a number >= 0');
const positive = (name: string, fallback: number): number =>
  numberVar(name, fallback, (v) => v > 0, 'a number > 0');
const fraction = (name: string, fallback: number): number =>
  numberVar(name, fallback, (v) => v >= 0 && v <= 1, 'a fraction from 0 to 1 (0.99 is 99%)');

/** One user class's pass criteria: the seed's "Target Metrics" table. */
export interface ClassTargets {
  /** A fraction: 0.99 is 99%. */
  successRate: number;
  p95Ms: number;
}

export const settings = {
  host: env.LOAD_TEST_HOST?.trim() || 'http://127.0.0.1:8000',
  timeoutSeconds: positive('LOAD_TEST_TIMEOUT', 30),
  usersMin: count('LOAD_TEST_USERS_MIN', 100),
  usersMax: count('LOAD_TEST_USERS_MAX', 1000),
  spawnRate: positive('LOAD_TEST_SPAWN_RATE', 10),
  durationSeconds: positive('LOAD_TEST_DURATION_SECONDS', 300),
  auth: {
    successRate: fraction('AUTH_SUCCESS_RATE_THRESHOLD', 0.99),
    p95Ms: positive('AUTH_P95_LATENCY_MS', 200),
  } satisfies ClassTargets,
  generation: {
    successRate: fraction('GENERATION_SUCCESS_RATE_THRESHOLD', 0.95),
    p95Ms: positive('GENERATION_P95_LATENCY_MS', 500),
  } satisfies ClassTargets,
  payments: {
    successRate: fraction('PAYMENTS_SUCCESS_RATE_THRESHOLD', 0.95),
    p95Ms: positive('PAYMENTS_P95_LATENCY_MS', 300),
  } satisfies ClassTargets,
  /**
   * The seed's "10 generations/second across all concurrent users". Not one of its variables:
   * 0 (the default) leaves the target out, because a CI-sized run cannot reach it.
   */
  generationTargetRps: nonNegative('GENERATION_TARGET_RPS', 0),
};

if (settings.usersMax < settings.usersMin) {
  throw new Error(
    `LOAD_TEST_USERS_MAX (${settings.usersMax}) must be at least LOAD_TEST_USERS_MIN (${settings.usersMin})`,
  );
}

/** `0.99` → `'99%'`, without float noise (`0.57 * 100` is 56.99999999999999). */
export function percent(fractionValue: number): string {
  return `${Math.round(fractionValue * 10_000) / 100}%`;
}

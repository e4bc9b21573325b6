/**
 * The seed's per-endpoint performance targets ("Endpoint (at 50 users)"), as data, and the
 * thresholds made from them. Latency targets hold at any load, so every run judges them;
 * throughput targets describe the service at 50 users working back to back, so they are
 * judged only on such a run, with `--threshold` flags (see the README).
 */

export interface EndpointTarget {
  /** `METHOD name`, as the stats rows name it. */
  endpoint: string;
  /** Requests per second at 50 users with no think time. */
  rps: number;
  p95Ms: number;
  p99Ms: number;
}

export const ENDPOINT_TARGETS: readonly EndpointTarget[] = [
  { endpoint: 'POST /leases', rps: 200, p95Ms: 350, p99Ms: 500 },
  { endpoint: 'GET /leases/{id}', rps: 450, p95Ms: 120, p99Ms: 180 },
  { endpoint: 'POST /payments/{id}/attempt', rps: 180, p95Ms: 400, p99Ms: 600 },
  { endpoint: 'GET /audit/leases/{id}', rps: 300, p95Ms: 250, p99Ms: 400 },
];

/**
 * Not in the seed's tables, but a run must not pass on fast errors: nearly every request
 * succeeds, and every check holds (a lease created twice under one Idempotency-Key is a bug at
 * any load).
 */
export const CORRECTNESS_THRESHOLDS = ['successRate>=99%', 'checks==100%'];

function targetOf(endpoint: string): EndpointTarget {
  const target = ENDPOINT_TARGETS.find((t) => t.endpoint === endpoint);
  if (target === undefined) throw new Error(`no performance target for ${endpoint}`);
  return target;
}

/** p95 and p99 thresholds of these endpoints (all four when none are named). */
export function endpointThresholds(
  endpoints: readonly string[] = ENDPOINT_TARGETS.map((t) => t.endpoint),
): { name: string; p95: string; p99: string }[] {
  return endpoints
    .map(targetOf)
    .map((t) => ({ name: t.endpoint, p95: `<=${t.p95Ms}ms`, p99: `<=${t.p99Ms}ms` }));
}


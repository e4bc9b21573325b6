/**
 * What the three services' users share (the seed's base.py): the think time between tasks, test
 * leases created through the lease service, the health check every user runs, and a seeded pick
 * from a user's own leases.
 *
 * Request names group URLs that differ only by an id (`/leases/{id}`), in the seed's own
 * spelling, so each stats row and threshold is one endpoint of the seed's targets table.
 */

import { randomUUID } from 'node:crypto';
import { between, constant, type HttpResponse, type VuContext, type WaitTime } from 'volley';

/** A lease as the lease service returns it (the fields the users read). */
export interface Lease {
  id: string;
  status: 'active' | 'delinquent' | 'paid_off';
  balanceCents: number;
  createdAt: string;
}

export interface LeaseBody {
  customerId: string;
  principalCents: number;
  termMonths: number;
  aprPercent: number;
}

/**
 * The pause after each task, from `THINK_TIME` in the environment: a range (`0.5s-1.5s`, the
 * default: about a task a second, as a person at a screen), one duration (`1s`), or `0`: back to
 * back, the only pace at which 50 users can reach the seed's throughput targets (see the README).
 */
export const THINK_TIME = thinkTime(process.env.THINK_TIME?.trim() || '0.5s-1.5s');

function thinkTime(text: string): WaitTime {
  const [min, max, ...rest] = text.split('-').map((part) => part.trim());
  try {
    if (min !== undefined && max === undefined) return constant(seconds(min));
    if (min !== undefined && max !== undefined && rest.length === 0) return between(seconds(min), seconds(max));
  } catch (error) {
    throw new Error(`THINK_TIME='${text}': ${(error as Error).message}`);
  }
  throw new Error(`THINK_TIME: expected 0, a duration (1s) or a range (0.5s-1.5s), got '${text}'`);
}

/** A bare number is seconds, as in Locust's `between(1, 3)`. */
function seconds(text: string): string | number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** Tells this run's customers apart from earlier runs' against the same service. */
const RUN = randomUUID().slice(0, 8);

/** A lease a customer might sign: $1,000–$50,000 over 12–60 months, from the user's seeded draws. */
export function leaseBody(vu: VuContext<object>): LeaseBody {
  return {
    customerId: `cust-${RUN}-${vu.id}`,
    principalCents: 100_000 + Math.floor(vu.random() * 4_900_000),
    termMonths: 12 + Math.floor(vu.random() * 49),
    aprPercent: Math.round(vu.random() * 1200) / 100,
  };
}

/**
 * Creates a lease under a fresh Idempotency-Key and returns it; throws when the service does not
 * answer 201 with a lease (the request is already recorded as failed, and the task or `onStart`
 * that called this is counted as an error).
 */
export async function createLease(
  vu: VuContext<object>,
  body: LeaseBody = leaseBody(vu),
  key: string = randomUUID(),
): Promise<Lease> {
  const res = await vu.http.post('/leases', { json: body, headers: { 'idempotency-key': key } });
  const ok = vu.check(
    res,
    { 'lease created (201 with an id)': (r) => r.status === 201 && typeof leaseOf(r)?.id === 'string' },
    { failRequest: true },
  );
  const lease = leaseOf(res);
  if (!ok || lease === undefined) throw new Error(`POST /leases: HTTP ${res.status}`);
  return lease;
}

/** The lease in a response body (`lease` of a payment answer, or the body itself), if any. */
export function leaseOf(res: HttpResponse): Lease | undefined {
  if (res.status === 0 || res.body.length === 0) return undefined;
  try {
    const body = res.json<Partial<Lease> & { lease?: Lease }>();
    if (body.lease !== undefined) return body.lease;
    return typeof body.id === 'string' ? (body as Lease) : undefined;
  } catch {
    return undefined;
  }
}

/** One of `items`, drawn with the user's seeded generator (reproducible with `--seed`). */
export function pick<T>(vu: VuContext<object>, items: readonly T[]): T | undefined {
  return items[Math.floor(vu.random() * items.length)];
}

/** Every service's "Health check (1x)": the service answers. */
export const health = {
  name: 'health check',
  weight: 1,
  tags: ['health'],
  run: async (vu: VuContext<object>): Promise<void> => {
    const res = await vu.http.get('/health');
    vu.check(res, { 'service is healthy': (r) => r.status === 200 });
  },
};

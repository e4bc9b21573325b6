/**
 * The lease service's load test (the seed's lease_load_test.py): `LeaseUser` creates leases under
 * an Idempotency-Key (and checks that repeating the key returns the same lease), reads them back,
 * reads their audit history and lists them. Run alone, as the seed's service-specific test:
 *
 *   npx volley run lease-load.ts --demo                    # 50 users for 5 min, demo service
 *   npx volley run lease-load.ts -H http://localhost:8000  # against your lease service
 *
 * `load.ts` runs this user together with the payment and ledger users.
 */

import { randomUUID } from 'node:crypto';
import { defineScenario, defineUser, type VuContext } from 'volley';
import { createLease, health, type Lease, leaseBody, leaseOf, pick, THINK_TIME } from './base.js';
import { CORRECTNESS_THRESHOLDS, endpointThresholds } from './targets.js';

interface LeaseState {
  /** The newest leases this user created, for the read tasks. */
  leases: string[];
}

const KEPT_LEASES = 20;

/** Create lease (3x): a new lease, then the same request again, which must return that lease. */
async function createWithIdempotency(vu: VuContext<LeaseState>): Promise<void> {
  const body = leaseBody(vu);
  const key = randomUUID();
  const lease = await createLease(vu, body, key);
  remember(vu.state.leases, lease.id);
  const replay = await vu.http.post('/leases', {
    json: body,
    headers: { 'idempotency-key': key },
    name: '/leases (replay)',
  });
  vu.check(
    replay,
    {
      'repeated Idempotency-Key returns the same lease': (r) =>
        r.status === 200 && leaseOf(r)?.id === lease.id && r.headers['idempotency-replayed'] === 'true',
    },
    { failRequest: true },
  );
}

/** Retrieve lease (2x): GET by id. */
async function getLease(vu: VuContext<LeaseState>): Promise<void> {
  const id = pick(vu, vu.state.leases) as string;
  const res = await vu.http.get(`/leases/${id}`, { name: '/leases/{id}' });
  vu.check(res, { 'the lease asked for': (r) => leaseOf(r)?.id === id });
}

/** Get history (2x): the lease's audit trail, which opens with its creation. */
async function getHistory(vu: VuContext<LeaseState>): Promise<void> {
  const id = pick(vu, vu.state.leases) as string;
  const res = await vu.http.get(`/leases/${id}/history`, { name: '/leases/{id}/history' });
  vu.check(res, {
    'history opens with lease_created': (r) =>
      r.status === 200 && r.json<{ events: { type: string }[] }>().events[0]?.type === 'lease_created',
  });
}

/** List leases (1x): the newest twenty. */
async function listLeases(vu: VuContext<LeaseState>): Promise<void> {
  const res = await vu.http.get('/leases', { query: { limit: 20 } });
  vu.check(res, {
    'a page of leases': (r) => r.status === 200 && Array.isArray(r.json<{ leases?: Lease[] }>().leases),
  });
}

function remember(ids: string[], id: string): void {
  ids.push(id);
  if (ids.length > KEPT_LEASES) ids.shift();
}

export const LeaseUser = defineUser<LeaseState>({
  wait: THINK_TIME,
  // One lease to read before the first create comes up.
  async onStart(vu) {
    vu.state.leases = [(await createLease(vu)).id];
  },
  tasks: [
    { name: 'create lease', weight: 3, run: createWithIdempotency },
    { name: 'retrieve lease', weight: 2, run: getLease },
    { name: 'get history', weight: 2, run: getHistory },
    { name: 'list leases', weight: 1, run: listLeases },
    health,
  ],
});

export default defineScenario({
  name: 'lease-service',
  host: 'http://127.0.0.1:8000',
  users: [LeaseUser],
  // The seed's service-specific run: 50 users (bounded here to 5 minutes, ramped at 5/s).
  load: { users: 50, spawnRate: 5, duration: '5m' },
  thresholds: [...endpointThresholds(['POST /leases', 'GET /leases/{id}']), ...CORRECTNESS_THRESHOLDS],
});

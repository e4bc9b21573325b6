/**
 * Seed 002's "database load testing (connection pool saturation)": virtual users work on a
 * PostgreSQL leases table through `pg`'s connection pool. Each query is a stats row of type SQL
 * (vu.measure), and the pool's saturation is three custom metrics (pool.ts): clients waiting,
 * time to acquire one, pool size. The thresholds fail the run when a query gets slow or when
 * users queue for connections, the pool being too small for the load.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/volley npx volley run leases.ts
 *   DATABASE_URL=… POOL_MAX=1 npx volley run leases.ts -u 30 -t 10s     # a saturated pool: exit 1
 *
 * POOL_MAX (default 10) is the pool's size, POOL_TIMEOUT_MS (default 5000) how long a request
 * waits for a client before it fails. setup() creates the table; teardown() ends the pool.
 */

import { defineScenario, defineUser, type VuContext } from 'volley';
import { acquire, endLeasePool, leasePool, SCHEMA } from './pool.js';

interface LeaseState {
  /** The leases this user created, newest last; it renews one of them. */
  leases: string[];
}

const INSERT = `insert into leases (tenant, rent_cents) values ($1, $2) returning id`;
const SELECT_BY_ID = `select id, tenant, rent_cents, status, renewals from leases where id = $1`;
const RENEW = `update leases set status = 'renewed', renewals = renewals + 1, rent_cents = rent_cents + $2,
  updated_at = now() where id = $1`;
const RECENT = `select id, tenant, status from leases where tenant = $1 order by id desc limit 20`;

const sql = { type: 'SQL' } as const;

/** A new lease, read back by id: one client for both, as a request handler would hold it. */
async function signLease(vu: VuContext<LeaseState>): Promise<void> {
  const client = await acquire(vu);
  try {
    const rent = 90_000 + Math.floor(vu.random() * 60_000);
    const inserted = await vu.measure('insert lease', () => client.query<{ id: string }>(INSERT, [`tenant-${vu.id}`, rent]), sql);
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('insert returned no id');
    const read = await vu.measure('select lease by id', () => client.query(SELECT_BY_ID, [id]), sql);
    if (read.rowCount !== 1) throw new Error(`lease ${id} not found after its insert`);
    vu.state.leases.push(id);
  } finally {
    client.release();
  }
}

/** One of the user's leases renewed at a higher rent (an update of a row others may read). */
async function renewLease(vu: VuContext<LeaseState>): Promise<void> {
  const id = vu.state.leases[Math.floor(vu.random() * vu.state.leases.length)];
  if (id === undefined) return signLease(vu);
  const client = await acquire(vu);
  try {
    const renewed = await vu.measure('update lease', () => client.query(RENEW, [id, 1_500]), sql);
    if (renewed.rowCount !== 1) throw new Error(`lease ${id} was not renewed`);
  } finally {
    client.release();
  }
}

/** The user's newest twenty leases, the list page of a tenant portal. */
async function listLeases(vu: VuContext<LeaseState>): Promise<void> {
  const client = await acquire(vu);
  try {
    await vu.measure('select recent leases', () => client.query(RECENT, [`tenant-${vu.id}`]), sql);
  } finally {
    client.release();
  }
}

export const LeaseClerk = defineUser<LeaseState>({
  onStart: (vu) => {
    vu.state.leases = [];
  },
  tasks: {
    'sign a lease': { weight: 2, run: signLease },
    'renew a lease': { weight: 2, run: renewLease },
    'list leases': { weight: 1, run: listLeases },
  },
});

export default defineScenario({
  name: 'database-leases',
  users: [LeaseClerk],
  load: { users: 10, spawnRate: 10, duration: '30s' },
  metrics: {
    pool_waiting: 'gauge',
    pool_acquire_ms: { kind: 'trend', unit: 'ms' },
    pool_size: 'gauge',
  },
  thresholds: [
    // The queries: generous limits, so a busy CI machine passes and a missing index does not.
    'name=insert lease:p95<250ms',
    'name=select lease by id:p95<100ms',
    'name=update lease:p95<250ms',
    'name=select recent leases:p95<250ms',
    // The pool's saturation: users should rarely queue, and never for long.
    'metric=pool_acquire_ms:p95<50',
    'metric=pool_waiting:max<5',
  ],
  setup: async () => {
    await leasePool().query(SCHEMA);
  },
  teardown: () => endLeasePool(),
});

/**
 * The database side of the example: one `pg` connection pool per process, configured from the
 * environment, the leases table, and `acquire()`, which checks a client out of the pool and
 * records how saturated the pool was as custom metrics:
 *
 * - `pool_waiting` (gauge): requests queued for a client ahead of this one when it asked;
 * - `pool_acquire_ms` (trend, ms): how long it waited for its client;
 * - `pool_size` (gauge): clients the pool holds (idle and checked out) once it has one.
 *
 * The queries themselves are timed apart from the wait (vu.measure in leases.ts), so a slow
 * database and a pool too small for the load show up in different rows.
 */

import pg from 'pg';
import type { VuContext } from 'volley';

/** The environment this example reads, with defaults. */
const DATABASE_URL = 'DATABASE_URL';
const POOL_MAX = 'POOL_MAX';
const POOL_TIMEOUT_MS = 'POOL_TIMEOUT_MS';

export const SCHEMA = `
  create table if not exists leases (
    id          bigserial primary key,
    tenant      text not null,
    rent_cents  integer not null check (rent_cents > 0),
    status      text not null default 'active' check (status in ('active', 'renewed', 'ended')),
    renewals    integer not null default 0,
    updated_at  timestamptz not null default now()
  )`;

/** A whole number from the environment, at least `min`; a bad value is named. */
function wholeNumber(variable: string, fallback: number, min: number): number {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${variable}='${text}' must be a whole number of at least ${min}`);
  }
  return value;
}

let pool: pg.Pool | undefined;

/** The process's pool, made at first use: setup() in the main process, tasks where users run. */
export function leasePool(): pg.Pool {
  if (pool !== undefined) return pool;
  const connectionString = process.env[DATABASE_URL];
  if (connectionString === undefined || connectionString === '') {
    throw new Error(`${DATABASE_URL} is not set: give the database to load, e.g. postgres://postgres@127.0.0.1:5432/volley`);
  }
  pool = new pg.Pool({
    connectionString,
    max: wholeNumber(POOL_MAX, 10, 1),
    connectionTimeoutMillis: wholeNumber(POOL_TIMEOUT_MS, 5_000, 1),
    // A worker thread's users share its own pool, which nothing ends: once they stop and its
    // clients are idle, let the thread exit instead of holding the run open for the idle timeout.
    allowExitOnIdle: true,
  });
  // An idle client whose connection drops emits here; without a listener it would end the run.
  pool.on('error', (error) => console.warn(`idle database client failed: ${error.message}`));
  return pool;
}

/** Ends the process's pool (teardown), so its connections do not outlive the run. */
export async function endLeasePool(): Promise<void> {
  const ending = pool;
  pool = undefined;
  await ending?.end();
}

/** Checks a client out of the pool, recording the pool's saturation; the caller releases it. */
export async function acquire<State extends object>(vu: VuContext<State>): Promise<pg.PoolClient> {
  const leases = leasePool();
  // Read before asking: pg queues even a request an idle client will serve on the next tick.
  vu.metric('pool_waiting').add(leases.waitingCount);
  const started = performance.now();
  const client = await leases.connect();
  vu.metric('pool_acquire_ms').add(performance.now() - started);
  vu.metric('pool_size').add(leases.totalCount);
  return client;
}

/**
 * The seed's stress_tests.py: three scenarios that push the lease database past everyday
 * concurrency, each passing with a success rate above 95 % and volley's peak memory below
 * 500 MB; CPU, throughput and latency are reported beside them.
 *
 *   npx volley bench stress-tests.bench.ts
 *   npx volley bench stress-tests.bench.ts --filter storm    # one scenario
 *
 * The database is a real SQLite in memory (lease-db.ts, through better-sqlite3); each query
 * also waits a 2 ms round trip, as over a network, through a pool of 15 connections that gives
 * up after 30 s (SQLAlchemy's defaults), so concurrency queues on the pool the way it does in
 * the seed's service.
 */

import { stress } from 'volley';
import { ConnectionPool } from './connection-pool.js';
import { LeaseDb, type NewLease } from './lease-db.js';

const db = new LeaseDb({ roundTripMs: 2, pool: new ConnectionPool({ size: 15, timeoutMs: 30_000 }) });
const CRITERIA = { successRate: '>95%', peakMemory: '<500MB' };
/** These runs last a fraction of a second: sample CPU and memory often enough to see them. */
const MONITOR_INTERVAL = '10ms';

const newLease = (customerId: string): NewLease => ({
  customerId,
  principalCents: 1_800_000,
  termMonths: 24,
  aprPercent: 5.5,
});

async function createLeases(count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await db.createLease(newLease(`${prefix}-${i}`))).id);
  return ids;
}

let stormLeases: string[] = [];
let readLeases: string[] = [];

export default [
  // 50 concurrent users × 10 creations each: 500 leases through the connection pool.
  stress(
    'concurrent lease creation',
    (worker, i) => db.createLease(newLease(`stress-${worker}-${i}`)),
    { concurrency: 50, opsPerWorker: 10 },
    { monitorInterval: MONITOR_INTERVAL, thresholds: CRITERIA },
  ),

  // 10 leases × 100 rapid events each: one writer per lease, appending back to back.
  stress(
    'ledger event storm',
    (worker, i) => db.appendEvent(stormLeases[worker] as string, 'payment_succeeded', 75_000, { i }),
    { concurrency: 10, opsPerWorker: 100 },
    {
      setup: async () => {
        stormLeases = await createLeases(10, 'storm');
      },
      monitorInterval: MONITOR_INTERVAL,
      thresholds: CRITERIA,
    },
  ),

  // 20 leases × 50 concurrent reads each: 50 readers walk the same 20 leases in step.
  stress(
    'read amplification',
    (_worker, i) => db.getLease(readLeases[i] as string),
    { concurrency: 50, opsPerWorker: 20 },
    {
      setup: async () => {
        readLeases = await createLeases(20, 'read');
      },
      monitorInterval: MONITOR_INTERVAL,
      thresholds: CRITERIA,
    },
  ),
];

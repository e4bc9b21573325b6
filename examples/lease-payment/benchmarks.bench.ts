/**
 * The seed's benchmarks.py: the four database operations on the lease service's critical path,
 * timed call by call, each with the seed's average, p95 and p99 targets.
 *
 *   npx volley bench benchmarks.bench.ts
 *   npx volley bench benchmarks.bench.ts --json results/benchmarks.json       # keep a baseline
 *   npx volley bench benchmarks.bench.ts --baseline results/benchmarks.json   # exit 1 on a regression
 *
 * The database is a real SQLite in memory, as the seed's was (lease-db.ts, through
 * better-sqlite3); point these at your own repository to measure yours.
 */

import { bench } from 'volley';
import { LeaseDb, type NewLease } from './lease-db.js';

const db = new LeaseDb();
let customers = 0;
// Each benchmark makes its own lease in `setup`, so any one runs alone (`--filter append`).
let readLeaseId = '';
let appendLeaseId = '';
let historyLeaseId = '';

/** A $24,000 lease over three years, for a new customer each time. */
const newLease = (): NewLease => ({
  customerId: `bench-${++customers}`,
  principalCents: 2_400_000,
  termMonths: 36,
  aprPercent: 6.9,
});

export default [
  // Create + commit: the lease and its lease_created event, in one transaction.
  bench('lease creation', () => db.createLease(newLease()), {
    iterations: 100,
    thresholds: { avg: '<=50ms', p95: '<=150ms', p99: '<=200ms' },
  }),

  bench('lease retrieval', () => db.getLease(readLeaseId), {
    iterations: 100,
    setup: async () => {
      readLeaseId = (await db.createLease(newLease())).id;
    },
    thresholds: { avg: '<=20ms', p95: '<=50ms', p99: '<=80ms' },
  }),

  bench('ledger event append', () => db.appendEvent(appendLeaseId, 'payment_succeeded', 66_700, {}), {
    iterations: 100,
    setup: async () => {
      appendLeaseId = (await db.createLease(newLease())).id;
    },
    thresholds: { avg: '<=30ms', p95: '<=80ms', p99: '<=120ms' },
  }),

  // A lease with 100 events (its creation and 99 payments), read whole each time.
  bench('ledger history retrieval', () => db.history(historyLeaseId), {
    iterations: 50,
    setup: async () => {
      historyLeaseId = (await db.createLease(newLease())).id;
      for (let i = 0; i < 99; i++) await db.appendEvent(historyLeaseId, 'payment_succeeded', 66_700, { i });
    },
    thresholds: { avg: '<=100ms', p95: '<=250ms', p99: '<=400ms' },
  }),
];

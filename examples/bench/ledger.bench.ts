/**
 * Seed 000's benchmarks and stress tests of a lease ledger, as one bench file:
 *
 *   npx volley bench examples/bench/ledger.bench.ts
 *   npx volley bench examples/bench/ledger.bench.ts --json results/bench.json
 *   npx volley bench examples/bench/ledger.bench.ts --baseline results/bench.json
 *
 * A bench file's default export is the list of benchmarks and stress tests to run, in order.
 */

import { bench, stress } from 'volley';
import { Ledger } from './ledger.js';

const ledger = new Ledger();
/** For the stress tests: every call waits 2 ms, like a database on the network. */
const remote = new Ledger({ latencyMs: 2 });
let leaseId = '';
let historyLeaseId = '';
let remoteLeaseId = '';

export default [
  bench('lease creation', () => ledger.createLease('ada', 49_900), {
    iterations: 100,
    thresholds: { mean: '<50ms', p95: '<150ms', p99: '<200ms' },
  }),

  bench('lease retrieval', () => ledger.getLease(leaseId), {
    iterations: 100,
    setup: async () => {
      leaseId = (await ledger.createLease('grace', 29_900)).id;
    },
    thresholds: { mean: '<20ms', p95: '<50ms' },
  }),

  bench('ledger event append', () => ledger.append(leaseId, 'payment', { cents: 49_900 }), {
    iterations: 100,
    thresholds: { mean: '<30ms', p95: '<80ms' },
  }),

  bench('ledger history retrieval', () => ledger.history(historyLeaseId), {
    iterations: 50,
    setup: async () => {
      historyLeaseId = (await ledger.createLease('alan', 19_900)).id;
      for (let i = 0; i < 100; i++) await ledger.append(historyLeaseId, 'payment', { cents: 19_900, i });
    },
    thresholds: { mean: '<100ms', p95: '<250ms' },
  }),

  // A synchronous function is called in a loop that never awaits: this measures JSON itself.
  bench('event payload serialization', () => JSON.stringify({ leaseId: 'lease-1', cents: 49_900, at: 1 }), {
    time: '500ms',
    thresholds: { mean: '<10µs' },
  }),

  stress(
    'concurrent lease creation',
    () => remote.createLease('load', 9_900),
    { concurrency: 50, opsPerWorker: 10 },
    {
      thresholds: { successRate: '>95%', peakMemory: '<500MB' },
    },
  ),

  stress(
    'ledger event storm',
    async (worker) => {
      await remote.append(remoteLeaseId, 'storm', { worker });
    },
    { concurrency: 10, opsPerWorker: 100 },
    {
      setup: async () => {
        remoteLeaseId = (await remote.createLease('storm', 9_900)).id;
      },
      // A short run: sample often enough to fit the memory growth.
      monitorInterval: '20ms',
      thresholds: { successRate: '>95%', peakMemory: '<500MB', memoryGrowth: '<50MB' },
    },
  ),

  // Seed 001: the same reads at 1, 5 and 10 concurrent users; how well does throughput scale?
  stress(
    'read amplification',
    () => remote.getLease(remoteLeaseId),
    { duration: '1s' },
    {
      levels: [1, 5, 10],
      setup: async () => {
        remoteLeaseId = (await remote.createLease('reader', 9_900)).id;
      },
      thresholds: { successRate: '>95%', degradation: '<3x' },
    },
  ),
];

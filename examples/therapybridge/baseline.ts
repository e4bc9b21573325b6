/**
 * Seed 004's baseline test (baseline_test.py): quick checks with no login, to run before any
 * load test. Three scenarios, one after another:
 *
 * - `health`: 20 health checks; p95 under 100 ms;
 * - `core`: the core endpoints (`/`, `/health`, `/ready`, `/live`) five times each; p95 under 100 ms;
 * - `stability`: 50 sequential requests on one user's keep-alive connection; all must succeed.
 *
 *   npx volley run baseline.ts --json results/baseline.json   # or --save for a timestamped history
 */

import { defineScenario, defineUser } from 'volley';

export const HealthCheck = defineUser({
  tasks: [{ name: 'health', tags: ['health'], run: ({ http }) => http.get('/health') }],
});

export const CoreEndpoints = defineUser({
  sequential: true, // /, /health, /ready, /live in turn
  tasks: [
    { name: 'root', run: ({ http }) => http.get('/') },
    { name: 'health', run: ({ http }) => http.get('/health') },
    { name: 'ready', run: ({ http }) => http.get('/ready') },
    { name: 'live', run: ({ http }) => http.get('/live') },
  ],
});

export const StabilityProbe = defineUser({
  tasks: [{ name: 'sequential health', run: ({ http }) => http.get('/health') }],
});

export default defineScenario({
  name: 'therapybridge-baseline',
  host: 'http://127.0.0.1:8000',
  scenarios: {
    health: {
      users: [HealthCheck],
      load: { users: 1, iterationsPerUser: 20 },
      thresholds: ['p95<100ms', 'successRate==100%'],
    },
    core: {
      users: [CoreEndpoints],
      load: { users: 1, iterationsPerUser: 20 },
      startTime: '1s',
      thresholds: ['p95<100ms', 'successRate==100%'],
    },
    stability: {
      users: [StabilityProbe],
      load: { users: 1, iterationsPerUser: 50 },
      startTime: '2s',
      thresholds: ['successRate==100%', 'count==50'],
    },
  },
});

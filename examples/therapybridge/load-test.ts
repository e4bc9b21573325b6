/**
 * Seed 004's Locust load test (load_test.py): the three TherapyBridge personas together, their
 * tasks tagged so a run can pick a slice, and the load from one of the seed's presets:
 *
 *   npx volley run load-test.ts --profile quick        # 5 users at 1/s for 1 min
 *   npx volley run load-test.ts --profile moderate     # 20 users at 2/s for 5 min
 *   npx volley run load-test.ts --profile heavy        # 50 users at 5/s for 10 min
 *   npx volley run load-test.ts --profile stress       # 100 users at 10/s for 15 min
 *   npx volley run load-test.ts --profile quick --tags upload          # only upload tasks
 *   npx volley run load-test.ts --profile quick --exclude-tags db-pool  # everything but the pool bursts
 *
 * The presets are built into volley; `ci` and `full` (1 h at 100 users, the seed's production
 * launch run) are in volley.config.json beside this file.
 */

import { defineScenario } from 'volley';
import { DbPoolUser, RateLimitProbe, Therapist } from './personas.js';

export default defineScenario({
  name: 'therapybridge-load',
  host: 'http://127.0.0.1:8000',
  users: [Therapist, RateLimitProbe, DbPoolUser],
  load: { users: 5, spawnRate: 1, duration: '1m' },
  // A DbPoolUser's burst is ten requests at once: give each user the connections for it.
  http: { connections: 10 },
  // Thresholds that hold whatever --tags selects (a threshold whose selection ran no request
  // fails, so per-tag targets live in baseline.ts and sustained.ts, which run all their tasks).
  thresholds: [
    'successRate>=98%', // the seed's expected success rate (429s from the rate limit count as success)
    'checks>=99%', // every 429 carries Retry-After; logins work
    'p95<5s', // the seed's bound for uploads, the slowest requests
  ],
});

/**
 * Seed 003's load tests (test_load.py): the Cost Agent under normal, peak and stress load. A level
 * is a profile (its users, ramp-up and duration, in volley.config.json) plus its pass criteria;
 * each `levels/<level>.env` names both, so one flag picks a level:
 *
 *   npx volley run load-levels.ts --env-file levels/normal.env   # 50 users, 5 s ramp, 30 s
 *   npx volley run load-levels.ts --env-file levels/peak.env     # 200 users, 10 s ramp, 60 s
 *   npx volley run load-levels.ts --env-file levels/stress.env   # 500 users, 20 s ramp, 120 s
 *   npx volley run load-levels.ts --env-file levels/normal.env --profile ci   # normal's criteria, CI size
 *
 * Normal passes at an average under 2 s and p95 under 3 s, peak under 5 s and 8 s, stress when
 * it stays stable (the scenario's own criteria, which hold at every level).
 *
 * Without an env file it runs the normal level's load with only the error-rate criterion.
 */

import { defineScenario } from 'volley';
import { COST_METRICS } from './operations.js';
import { CostAgentUser } from './users.js';

export default defineScenario({
  name: 'cost-agent-load',
  host: 'http://127.0.0.1:8000',
  users: [CostAgentUser],
  load: { users: 50, spawnRate: 10, duration: '30s' },
  metrics: COST_METRICS,
  // The seed's one error threshold (error_rate_percent: 1.0) holds at every level: "stable"; and
  // what a request costs to serve stays within budget (a 90-day analysis of four services is $0.018).
  thresholds: ['errorRate<1%', 'checks>=99%', 'metric=cost_usd:p95<0.05', 'metric=cost_usd:avg<0.03'],
});

/**
 * Seed 003's ramp-up in steps (its LoadGenerator.ramp_up_load): the user count climbs in equal
 * steps from a start to an end level, each held for a fixed time, and the figures are kept per
 * step. The summary, the JSON (`phases`) and the HTML report show a row per step: where latency
 * bends is where the Cost Agent's capacity ends.
 *
 *   npx volley run step-ramp.ts                              # 10 steps, 50 → 500 users, 12 s each
 *   npx volley run step-ramp.ts --env-file levels/steps-ci.env   # CI: 3 steps, 5 → 15 users, 2 s each
 *
 * The seed's parameters are environment variables (a step load takes no -u/-t/--profile: those
 * would replace it with a plain ramp): RAMP_START_USERS, RAMP_END_USERS, RAMP_STEPS and
 * RAMP_DURATION_SECONDS (the whole ramp; each step holds RAMP_DURATION_SECONDS / RAMP_STEPS).
 */

import { defineScenario } from 'volley';
import { COST_METRICS } from './operations.js';
import { CostAgentUser } from './users.js';

function wholeVar(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name}: expected a whole number >= ${min}, got '${raw}'`);
  }
  return value;
}

const steps = wholeVar('RAMP_STEPS', 10, 1);
const rampSeconds = wholeVar('RAMP_DURATION_SECONDS', 120, 1);

export default defineScenario({
  name: 'cost-agent-step-ramp',
  host: 'http://127.0.0.1:8000',
  users: [CostAgentUser],
  load: {
    steps,
    from: wholeVar('RAMP_START_USERS', 50, 0),
    to: wholeVar('RAMP_END_USERS', 500, 1),
    stepDuration: rampSeconds / steps,
    // Between steps, new users start at the seed's stress ramp-up rate (500 users in 20 s).
    spawnRate: 25,
  },
  // Stable at every step; the per-step latency is for reading, not a pass mark.
  metrics: COST_METRICS,
  thresholds: ['errorRate<1%', 'checks>=99%'],
});

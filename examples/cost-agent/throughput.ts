/**
 * Seed 003's throughput targets, one scenario per operation at its target rate (the open model:
 * requests start on schedule whether or not earlier ones have finished, as real traffic does):
 *
 * | operation | target |
 * | cost collection | 100 requests/s per provider |
 * | analysis | 50 requests/s |
 * | recommendations | 30 requests/s |
 * | execution | 10 requests/s |
 *
 * Each passes when the service kept up: over the last 30 s (the steady state; all of a shorter
 * run), the rate achieved reached the target, less 2 %. A windowed rate counts whole seconds, so
 * the moments after the last start while the last responses arrive do not dilute it (over the
 * whole run they would: 99.3/s of 100/s in a 5 s run). Starts that found no free user, or came
 * too late, are dropped and lower the rate, so the same threshold catches a service that fell
 * behind; the 2 % allows for a start or two lost to a busy machine at the very end.
 *
 *   npx volley run throughput.ts            # 60 s
 *   npx volley run throughput.ts -t 3s      # CI: the same rates for 3 s
 *   npx volley run throughput.ts --scenario analysis
 */

import { defineScenario, defineUser, type SubScenarioDefinition, type VuContext } from 'volley';
import {
  type AgentState,
  analyze,
  applyRecommendation,
  COST_METRICS,
  collectCosts,
  type Provider,
  recommend,
} from './operations.js';

/** A scenario that runs one operation at `rate` per second, judged on the request `name`. */
function atRate(
  user: string,
  name: string,
  rate: number,
  run: (vu: VuContext<AgentState>) => Promise<void>,
): SubScenarioDefinition {
  const operation = defineUser<AgentState>({ name: user, tasks: [{ name, run }] });
  return {
    users: [operation],
    load: { rate: `${rate}/s`, duration: '60s', preAllocatedUsers: Math.ceil(rate / 5), maxUsers: rate * 4 },
    thresholds: [{ name, rps: `>=${Math.round(rate * 98) / 100}/s`, window: '30s' }],
  };
}

/** `aws` → `AwsCollector`, 100 requests/s of its billing exports. */
const collect = (provider: Provider): SubScenarioDefinition => {
  const user = `${provider[0]?.toUpperCase()}${provider.slice(1)}Collector`;
  return atRate(user, `collect costs (${provider})`, 100, (vu) => collectCosts(vu, provider));
};

export default defineScenario({
  name: 'cost-agent-throughput',
  host: 'http://127.0.0.1:8000',
  scenarios: {
    'collect-aws': collect('aws'),
    'collect-gcp': collect('gcp'),
    'collect-azure': collect('azure'),
    analysis: atRate('Analyst', '/analyze', 50, analyze),
    recommendations: atRate('Recommender', '/recommendations', 30, recommend),
    execution: atRate('Executor', '/recommendations/[id]/apply', 10, applyRecommendation),
  },
  metrics: COST_METRICS,
  thresholds: ['errorRate<1%', 'checks>=99%'],
});

/**
 * The Cost Agent's client, as one user class the load-level and step-ramp scenarios share: it
 * collects costs, runs analyses, asks for recommendations, reads and applies them. Task weights
 * follow the seed's throughput targets (100 : 50 : 30 : 10 requests/s), so the mix of requests
 * under any load is the mix the team expected in production.
 */

import { between, defineUser } from 'volley';
import {
  type AgentState,
  analyze,
  applyRecommendation,
  collectCosts,
  getRecommendation,
  health,
  PROVIDERS,
  recommend,
} from './operations.js';

export const CostAgentUser = defineUser<AgentState>({
  name: 'CostAgentUser',
  // The seed's users fired back to back; a real client pauses between calls.
  wait: between('0.5s', '1.5s'),
  tasks: [
    {
      name: 'collect costs',
      weight: 10,
      tags: ['collection'],
      // A provider at random (the user's seeded draw), so each gets about a third.
      run: (vu) => collectCosts(vu, PROVIDERS[Math.floor(vu.random() * PROVIDERS.length)] ?? 'aws'),
    },
    { name: 'analyze', weight: 5, tags: ['analysis'], run: analyze },
    { name: 'recommend', weight: 2, tags: ['recommendations'], run: recommend },
    { name: 'read recommendation', weight: 1, tags: ['recommendations'], run: getRecommendation },
    { name: 'apply recommendation', weight: 1, tags: ['execution'], run: applyRecommendation },
    { name: 'health', weight: 1, tags: ['health'], run: health },
  ],
});

/**
 * LeadFactory's production traffic as a volley scenario (the seed's "thread-based simulation of
 * production load"): users logging lead changes, one-off and in batches, people running audit
 * reports, and the budget monitor checking spends, stepping from 5 to 20 concurrent users.
 * Its thresholds are the seed's production requirements and alert thresholds. The
 * production-monitoring tests run it with `run()`; it also runs on its own:
 *
 *   npm run examples:serve                                       # the demo service, another terminal
 *   npx volley run examples/leadfactory/production-load.ts       # add --html report.html for charts
 */

import { between, defineScenario, defineUser } from 'volley';
import { budgetDecision, leadChange, leadChanges } from './audit-entries.js';
import { SCALE } from './scale.js';

/** Logs lead changes as users edit leads in the lead explorer. */
export const AuditWriter = defineUser({
  name: 'AuditWriter', // named here too: run() sees values, not export names
  weight: 2,
  wait: between('50ms', '150ms'),
  tasks: [
    {
      name: 'log a lead change',
      weight: 4,
      run: ({ http, id, iteration }) =>
        http.post('/audit/logs', { json: leadChange(id * 100_000 + iteration) }),
    },
    {
      name: 'log a batch of 10',
      weight: 1,
      run: ({ http, id, iteration }) =>
        http.post('/audit/logs/bulk', { json: { logs: leadChanges(id * 100_000 + iteration, 10) } }),
    },
  ],
});

/** Runs audit reports: a lead's history, and the latest changes of one kind. */
export const Reporter = defineUser({
  name: 'Reporter',
  weight: 1,
  wait: between('100ms', '300ms'),
  tasks: [
    {
      name: "a lead's history",
      run: ({ http, iteration }) =>
        http.get('/audit/logs', {
          query: { entityType: 'lead', entityId: `lead-${iteration % 1000}`, limit: 100 },
        }),
    },
    {
      name: 'latest updates',
      run: ({ http }) => http.get('/audit/logs', { query: { action: 'lead.update', limit: 50 } }),
    },
  ],
});

/** The budget monitor: checks each spend of its account and records the decision. */
export const BudgetMonitor = defineUser<{ account: string }>({
  name: 'BudgetMonitor',
  weight: 2,
  wait: between('50ms', '150ms'),
  async onStart({ http, id, state }) {
    state.account = `production-${id}`;
    // A budget far above what the run spends: this load must never trip the breaker.
    await http.post(`/budget/${state.account}/reset`, {
      json: { limit: 1_000_000 },
      name: '/budget/[account]/reset',
    });
  },
  tasks: [
    {
      name: 'check and record a spend',
      run: async ({ http, state }) => {
        await http.post('/budget/check', { json: { account: state.account, cost: 0.25 } });
        await http.post('/audit/logs', { json: budgetDecision(state.account, 0.25, true) });
      },
    },
  ],
});

export default defineScenario({
  name: 'leadfactory-production',
  host: 'http://127.0.0.1:8000',
  users: [AuditWriter, Reporter, BudgetMonitor],
  load: { steps: 3, from: 5, to: 20, stepDuration: SCALE.stepDuration },
  thresholds: [
    'avg<100ms', //                                concurrent load: < 100 ms average
    'rps>10/s', //                                 system throughput: > 10 operations/s
    'rps>=15/s', //                                THROUGHPUT_MINIMUM = 15 ops/s
    { name: 'POST /audit/logs', avg: '<50ms' }, // AUDIT_OPERATION_THRESHOLD = 50 ms
    { name: 'POST /budget/check', avg: '<10ms' }, // BUDGET_CHECK_THRESHOLD = 10 ms
    'failures==0', //                              a fast error is not a pass
    'phase=step 2:avg<100ms', //                   "under 10+ users": the steps at 13 and 20
    'phase=step 3:avg<100ms', //                   users, each judged on its own
  ],
});

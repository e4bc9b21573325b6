/**
 * Seed 001's `test_integration_performance.py` as vitest tests: the P2-040 budget monitor's own
 * targets (a check, a refusal at the tripped circuit breaker, concurrent checks), the P3-003 +
 * P2-040 combined operation alone, with the breaker tripped and with 8 concurrent users, how
 * latency degrades from 1 to 8 users, and whether a tripped budget stays contained and each
 * component recovers fast. `assertPassed` lists every threshold that failed with its value.
 *
 *   npx vitest run --config examples/leadfactory/vitest.config.ts integration-performance
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPassed, bench, runBench, runStress, stress } from 'volley';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { budgetDecision, leadChange } from './audit-entries.js';
import { LeadFactoryClient } from './leadfactory-client.js';
import { SCALE } from './scale.js';
import { DATABASE_ROUND_TRIP } from './services.js';

/** The demo's default budget per account: a spend above it trips the breaker at once. */
const BUDGET_LIMIT = 1000;
/** Budgets the tests must never exhaust. */
const PLENTY = 1e9;

/** The integrated operation: check the spend against the budget, then audit the decision. */
async function checkAndAudit(api: LeadFactoryClient, account: string, cost: number): Promise<void> {
  await api.checkBudget(account, cost);
  await api.writeAuditLog(budgetDecision(account, cost, true));
}

/** The same at a tripped breaker: the check is refused (503), and the refusal audited. */
async function refuseAndAudit(api: LeadFactoryClient, account: string, cost: number): Promise<void> {
  await api.checkBudgetRefused(account, cost);
  await api.writeAuditLog(budgetDecision(account, cost, false));
}

async function resetAccounts(api: LeadFactoryClient, prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await api.resetBudget(`${prefix}-${i}`, PLENTY);
}

describe('P3-003 + P2-040 integration performance', { timeout: SCALE.testTimeoutMs }, () => {
  let inMemory: DemoServer;
  let database: DemoServer;
  let api: LeadFactoryClient;
  let dbApi: LeadFactoryClient;
  beforeAll(async () => {
    [inMemory, database] = await Promise.all([
      startDemoServer(),
      startDemoServer({ latency: DATABASE_ROUND_TRIP }),
    ]);
    api = new LeadFactoryClient(inMemory.url);
    dbApi = new LeadFactoryClient(database.url);
  });
  afterAll(async () => {
    api.close();
    dbApi.close();
    await Promise.all([inMemory.close(), database.close()]);
  });

  describe('P2-040 budget monitoring', () => {
    it('checks a budget in under 10 ms (p95 under 7 ms)', async () => {
      const result = await runBench(
        bench('budget check', () => api.checkBudget('checks', 0.01), {
          iterations: SCALE.benchIterations,
          setup: () => api.resetBudget('checks', PLENTY),
          thresholds: { mean: '<10ms', p95: '<7ms' },
        }),
      );
      assertPassed(result);
    });

    it('refuses at the tripped circuit breaker in under 25 ms (p95 under 20 ms)', async () => {
      const result = await runBench(
        bench('circuit breaker refusal', () => api.checkBudgetRefused('tripped', 1), {
          iterations: SCALE.benchIterations,
          // One spend over the budget trips the breaker; every check after it is refused.
          setup: () => api.checkBudgetRefused('tripped', BUDGET_LIMIT + 1),
          thresholds: { mean: '<25ms', p95: '<20ms' },
        }),
      );
      assertPassed(result);
      expect(await api.budgetStatus('tripped')).toMatchObject({ state: 'open', trips: 1 });
    });

    it('serves over 100 budget checks/s from concurrent callers (target over 150/s)', async () => {
      const result = await runStress(
        stress(
          'concurrent budget checks',
          (worker) => dbApi.checkBudget(`concurrent-${worker}`, 0.01),
          { concurrency: 10, duration: SCALE.concurrentDuration },
          {
            setup: () => resetAccounts(dbApi, 'concurrent', 10),
            thresholds: { successRate: '>=100%', ops: ['>100/s', '>150/s'] },
          },
        ),
      );
      assertPassed(result);
    });
  });

  it('checks a budget and audits the decision in under 75 ms (p95 under 60 ms)', async () => {
    const result = await runBench(
      bench('audit + budget', () => checkAndAudit(api, 'combined', 0.5), {
        iterations: SCALE.benchIterations,
        setup: () => api.resetBudget('combined', PLENTY),
        thresholds: { mean: '<75ms', p95: '<60ms' },
      }),
    );
    assertPassed(result);
  });

  it('audits a refused spend in under 50 ms once the breaker has tripped', async () => {
    const result = await runBench(
      bench('audit + budget, breaker tripped', () => refuseAndAudit(api, 'over-budget', 1), {
        iterations: SCALE.benchIterations,
        setup: () => api.checkBudgetRefused('over-budget', BUDGET_LIMIT + 1),
        thresholds: { mean: '<50ms' },
      }),
    );
    assertPassed(result);
  });

  it('holds 8 concurrent users at under 150 ms (p95 under 120 ms) and over 15 operations/s', async () => {
    const result = await runStress(
      stress(
        'audit + budget, 8 users',
        (worker) => checkAndAudit(dbApi, `eight-${worker}`, 0.5),
        { concurrency: 8, duration: SCALE.concurrentDuration },
        {
          setup: () => resetAccounts(dbApi, 'eight', 8),
          // System throughput: over 15/s, over 20/s as the P95 target.
          thresholds: { successRate: '>=100%', mean: '<150ms', p95: '<120ms', ops: ['>15/s', '>20/s'] },
        },
      ),
    );
    assertPassed(result);
  });

  it('degrades less than 3x from 1 to 8 concurrent users', async () => {
    const result = await runStress(
      stress(
        'audit + budget under rising load',
        (worker) => checkAndAudit(dbApi, `rising-${worker}`, 0.5),
        { duration: SCALE.levelDuration },
        {
          levels: [1, 2, 4, 8],
          setup: () => resetAccounts(dbApi, 'rising', 8),
          // p95 at each level against p95 at one user.
          thresholds: { successRate: '>=100%', degradation: '<3x' },
        },
      ),
    );
    assertPassed(result);
    const scaling = result.state === 'completed' ? result.scaling : [];
    expect(scaling.map((row) => row.concurrency)).toEqual([1, 2, 4, 8]);
  });

  it('keeps a tripped budget from slowing down or failing the rest of the system', async () => {
    // A runaway account hammers its open breaker while other accounts spend and audit as usual.
    await dbApi.checkBudgetRefused('runaway', BUDGET_LIMIT + 1);
    const [runaway, healthy] = await Promise.all([
      runStress(
        stress(
          'runaway account at its open breaker',
          () => refuseAndAudit(dbApi, 'runaway', 1),
          { concurrency: 4, duration: SCALE.concurrentDuration },
          { thresholds: { successRate: '>=100%', mean: '<50ms' } },
        ),
      ),
      runStress(
        stress(
          'healthy accounts meanwhile',
          (worker) => checkAndAudit(dbApi, `healthy-${worker}`, 0.5),
          { concurrency: 4, duration: SCALE.concurrentDuration },
          {
            setup: () => resetAccounts(dbApi, 'healthy', 4),
            thresholds: { successRate: '>=100%', mean: '<75ms' },
          },
        ),
      ),
    ]);
    assertPassed(runaway);
    assertPassed(healthy);
    expect(await dbApi.budgetStatus('runaway')).toMatchObject({ state: 'open', trips: 1 });
    for (let worker = 0; worker < 4; worker++) {
      expect(await dbApi.budgetStatus(`healthy-${worker}`)).toMatchObject({ state: 'closed', trips: 0 });
    }
  });

  it('recovers each component from an error in under 100 ms', async () => {
    // Each call starts with the error, so its time is from the failure to the next success.
    let next = 0;
    const audit = await runBench(
      bench(
        'audit trail: rejected entry, then the next write',
        async () => {
          await api.writeInvalidAuditLog();
          await api.writeAuditLog(leadChange(next++));
        },
        { iterations: SCALE.benchIterations, thresholds: { mean: '<100ms' } },
      ),
    );
    const budget = await runBench(
      bench(
        'budget monitor: tripped, reset, allowed again',
        async () => {
          await api.checkBudgetRefused('recovery', BUDGET_LIMIT + 1);
          await api.resetBudget('recovery');
          await api.checkBudget('recovery', 1);
        },
        { iterations: SCALE.benchIterations, thresholds: { mean: '<100ms' } },
      ),
    );
    assertPassed(audit);
    assertPassed(budget);
    // Every call, warm-up and the probe call included, really tripped the breaker.
    const calls = budget.state === 'completed' ? budget.stats.count + budget.warmupCalls + 1 : 0;
    expect((await api.budgetStatus('recovery')).trips).toBe(calls);
  });
});

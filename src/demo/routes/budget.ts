/**
 * Seed 001's budget monitor: `POST /budget/check` `{ account?, cost }` answers 200 while the
 * account is within budget and 503 once its circuit breaker has tripped (with `Retry-After`
 * when a cool-down is configured); `GET /budget/{account}` shows the breaker;
 * `POST /budget/{account}/reset` `{ limit? }` closes it and starts a new period.
 */

import type { BudgetBreakers } from '../budget-breaker.js';
import { readFields } from '../fields.js';
import type { DemoRouter } from '../handler.js';
import { sendJson } from '../http-io.js';

export const DEFAULT_BUDGET_ACCOUNT = 'default';
const ACCOUNT = /^[A-Za-z0-9_.:-]{1,100}$/;
const MAX_AMOUNT = 1e9;

export function registerBudgetRoutes(router: DemoRouter, breakers: BudgetBreakers): void {
  router
    .add('POST', '/budget/check', async ({ req, res }) => {
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const account = fields.optionalString('account', { max: 100 }, ACCOUNT) ?? DEFAULT_BUDGET_ACCOUNT;
      const cost = fields.number('cost', { min: 0, max: MAX_AMOUNT });
      if (fields.reject(res, 'invalid budget check')) return;
      const result = breakers.check(account, cost);
      if (result.kind === 'allowed') {
        sendJson(res, 200, { allowed: true, ...result.status });
        return;
      }
      const { status, retryAfterSeconds } = result;
      sendJson(
        res,
        503,
        {
          error: `budget circuit open for account ${account}: spent ${status.spent} of ${status.limit}`,
          allowed: false,
          ...status,
        },
        retryAfterSeconds === null ? undefined : { 'retry-after': String(retryAfterSeconds) },
      );
    })
    .add('GET', '/budget/:account', ({ res, params }) => {
      sendJson(res, 200, breakers.status(params.account as string));
    })
    .add('POST', '/budget/:account/reset', async ({ req, res, params }) => {
      const fields = await readFields(req, res, { allowEmpty: true });
      if (fields === undefined) return;
      const limit = fields.optionalNumber('limit', { min: 0.01, max: MAX_AMOUNT });
      if (fields.reject(res, 'invalid budget reset')) return;
      sendJson(res, 200, breakers.reset(params.account as string, limit));
    });
}

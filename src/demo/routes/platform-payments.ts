/**
 * Seed 002's payments API: `POST /api/v1/payments/create` (201; with an `Idempotency-Key`, a
 * retry answers 200 with the first payment) and `GET /api/v1/payments` (the caller's, newest
 * first). Amounts are integer minor units, as payment providers take them.
 */

import type { AccountStore } from '../account-store.js';
import { QueryFields, readFields } from '../fields.js';
import type { DemoRouter } from '../handler.js';
import { sendError, sendJson } from '../http-io.js';
import { CURRENCIES, type PlatformPaymentStore } from '../platform-payment-store.js';
import { requireUser } from './authenticate.js';
import { readIdempotencyKey } from './idempotency-header.js';

export function registerPlatformPaymentRoutes(
  router: DemoRouter,
  store: PlatformPaymentStore,
  accounts: AccountStore,
): void {
  router
    .add('POST', '/api/v1/payments/create', async (ctx) => {
      const { req, res } = ctx;
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const header = readIdempotencyKey(ctx);
      if (header === undefined) return;
      const fields = await readFields(req, res);
      if (fields === undefined) return;
      const amountCents = fields.integer('amountCents', { min: 1, max: 10_000_000 });
      const currency = fields.optionalOneOf('currency', CURRENCIES) ?? 'usd';
      const description = fields.optionalString('description', { min: 0, max: 200 }) ?? null;
      if (fields.reject(res, 'invalid payment')) return;
      const result = store.create(owner, { amountCents, currency, description }, header.key);
      if (result.kind === 'key-conflict') {
        sendError(
          res,
          422,
          `Idempotency-Key was already used for payment ${result.paymentId} with a different request body`,
        );
        return;
      }
      const replayed = result.kind === 'replayed';
      sendJson(
        res,
        replayed ? 200 : 201,
        result.payment,
        replayed ? { 'idempotency-replayed': 'true' } : undefined,
      );
    })
    .add('GET', '/api/v1/payments', (ctx) => {
      const owner = requireUser(ctx, accounts);
      if (owner === undefined) return;
      const q = new QueryFields(ctx.query);
      const limit = q.limit(20, 100);
      if (q.reject(ctx.res, 'invalid query')) return;
      sendJson(ctx.res, 200, store.list(owner, limit));
    });
}

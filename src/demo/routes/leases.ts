/**
 * Seed 000's lease and payment services: `/leases` (create under an `Idempotency-Key`, get,
 * list, history) and `/payments/:leaseId` (list, attempt an installment, early payoff). The
 * paths are the seed's own (`POST /leases`, `GET /leases/{id}`, `POST /payments/{id}/attempt`),
 * so its per-endpoint targets map one to one onto volley thresholds.
 */

import { type BodyFields, QueryFields, readFields } from '../fields.js';
import type { DemoRouter, RequestContext } from '../handler.js';
import { sendError, sendJson } from '../http-io.js';
import { type LeaseInput, LeaseStore, type PaymentMethod } from '../lease-store.js';
import { LEASE_STATUSES } from '../ledger-store.js';
import { readIdempotencyKey } from './idempotency-header.js';

export const DEFAULT_APR_PERCENT = 6;
const METHODS: readonly PaymentMethod[] = ['card', 'ach'];

/** Validates a lease body, collecting every problem into `fields`. */
export function readLeaseInput(fields: BodyFields): LeaseInput {
  return {
    customerId: fields.string('customerId', { max: 100 }),
    principalCents: fields.integer('principalCents', { min: 100, max: 100_000_000 }),
    termMonths: fields.integer('termMonths', { min: 1, max: 120 }),
    aprPercent: fields.optionalNumber('aprPercent', { min: 0, max: 50 }) ?? DEFAULT_APR_PERCENT,
  };
}

export function registerLeaseRoutes(router: DemoRouter, store: LeaseStore = new LeaseStore()): void {
  router
    .add('POST', '/leases', create(store))
    .add('GET', '/leases', ({ res, query }) => {
      const q = new QueryFields(query);
      const status = q.oneOf('status', LEASE_STATUSES);
      const customerId = q.string('customerId', 100);
      const limit = q.limit(20, 100);
      const offset = q.integer('offset', { min: 0, max: 1_000_000 }, 0);
      if (q.reject(res, 'invalid query')) return;
      sendJson(res, 200, store.list({ status, customerId }, limit, offset));
    })
    .add('GET', '/leases/:id', ({ res, params }) => {
      const lease = store.get(params.id as string);
      if (lease === undefined) leaseNotFound(res, params.id);
      else sendJson(res, 200, lease);
    })
    .add('GET', '/leases/:id/history', ({ res, params }) => {
      const id = params.id as string;
      const events = store.ledger.events(id);
      if (events === undefined || store.get(id) === undefined) leaseNotFound(res, id);
      else sendJson(res, 200, { leaseId: id, events, trimmed: store.ledger.trimmed(id) });
    })
    .add('GET', '/payments/:leaseId', ({ res, params }) => {
      const id = params.leaseId as string;
      const payments = store.payments(id);
      if (payments === undefined) leaseNotFound(res, id);
      else sendJson(res, 200, { leaseId: id, payments, total: payments.length });
    })
    .add('POST', '/payments/:leaseId/attempt', attempt(store))
    .add('POST', '/payments/:leaseId/payoff', payoff(store));
}

/**
 * `POST /leases` under an `Idempotency-Key`: 201 with the new lease, 200 with the same lease when
 * the key is replayed with the same body, 422 when the key was used for another body.
 */
function create(store: LeaseStore) {
  return async (ctx: RequestContext): Promise<void> => {
    const { req, res } = ctx;
    const header = readIdempotencyKey(ctx);
    if (header === undefined) return;
    const fields = await readFields(req, res);
    if (fields === undefined) return;
    const input = readLeaseInput(fields);
    if (fields.reject(res, 'invalid lease')) return;
    const result = store.create(input, header.key);
    switch (result.kind) {
      case 'created':
        sendJson(res, 201, result.lease, { location: `/leases/${result.lease.id}` });
        return;
      case 'replayed':
        sendJson(res, 200, result.lease, {
          location: `/leases/${result.lease.id}`,
          'idempotency-replayed': 'true',
        });
        return;
      case 'key-conflict':
        sendError(
          res,
          422,
          `Idempotency-Key was already used for lease ${result.leaseId} with a different request body`,
        );
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled create result ${String(unreachable)}`);
      }
    }
  };
}

/** `POST /payments/:leaseId/payoff` `{ method? }`: 201 with the final payment, 409 once paid off. */
function payoff(store: LeaseStore) {
  return async ({ req, res, params }: RequestContext): Promise<void> => {
    const fields = await readFields(req, res, { allowEmpty: true });
    if (fields === undefined) return;
    const method = fields.optionalOneOf('method', METHODS);
    if (fields.reject(res, 'invalid payoff')) return;
    const result = store.payoff(params.leaseId as string, method);
    switch (result.kind) {
      case 'paid-off':
        sendJson(res, 201, {
          payment: result.payment,
          lease: result.lease,
          interestSavedCents: result.interestSavedCents,
        });
        return;
      case 'not-found':
        leaseNotFound(res, params.leaseId);
        return;
      case 'closed':
        sendError(res, 409, `lease ${params.leaseId ?? ''} is already paid off`);
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled payoff result ${String(unreachable)}`);
      }
    }
  };
}

/**
 * `POST /payments/:leaseId/attempt` `{ amountCents?, method?, simulate?: 'decline' }`: 201 with
 * the payment on success, 402 when declined (three in a row make the lease delinquent).
 */
function attempt(store: LeaseStore) {
  return async ({ req, res, params }: RequestContext): Promise<void> => {
    const fields = await readFields(req, res, { allowEmpty: true });
    if (fields === undefined) return;
    const amountCents = fields.optionalInteger('amountCents', { min: 1, max: 200_000_000 });
    const method = fields.optionalOneOf('method', METHODS);
    const simulate = fields.optionalOneOf('simulate', ['decline'] as const);
    if (fields.reject(res, 'invalid payment')) return;
    const id = params.leaseId as string;
    const result = store.attempt(id, {
      ...(amountCents === undefined ? {} : { amountCents }),
      ...(method === undefined ? {} : { method }),
      decline: simulate === 'decline',
    });
    switch (result.kind) {
      case 'succeeded':
        sendJson(res, 201, { payment: result.payment, lease: result.lease });
        return;
      case 'declined':
        sendJson(res, 402, { error: 'payment declined', payment: result.payment, lease: result.lease });
        return;
      case 'not-found':
        leaseNotFound(res, id);
        return;
      case 'closed':
        sendError(res, 409, `lease ${id} is paid off`);
        return;
      case 'too-much':
        sendError(res, 422, `amountCents exceeds what is owed (at most ${result.maxCents})`);
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unhandled attempt result ${String(unreachable)}`);
      }
    }
  };
}

export function leaseNotFound(res: RequestContext['res'], id: string | undefined): void {
  sendError(res, 404, `lease ${id ?? ''} not found`);
}

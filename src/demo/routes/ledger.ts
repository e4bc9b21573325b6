/**
 * Seed 000's ledger service, `/audit/*`: a lease's audit trail (filterable), the timeline of
 * its state transitions, its state at a point in time (`?at=ISO`), an export as JSON or CSV,
 * annotations appended by clients (the seed's "event storm"), and service-wide metrics.
 */

import { QueryFields, readFields } from '../fields.js';
import type { DemoRouter, RequestContext } from '../handler.js';
import { sendError, sendJson, sendText } from '../http-io.js';
import type { LeaseStore } from '../lease-store.js';
import { ledgerToCsv } from '../ledger-csv.js';
import { STATE_EVENT_TYPES } from '../ledger-store.js';
import { leaseNotFound } from './leases.js';

const EVENT_TYPE = /^[a-z][a-z0-9_]{0,49}$/;
const RESERVED_TYPES: ReadonlySet<string> = new Set(STATE_EVENT_TYPES);

export function registerLedgerRoutes(router: DemoRouter, store: LeaseStore, now: () => number): void {
  const ledger = store.ledger;
  router
    .add('GET', '/audit/leases/:id', ({ res, params, query }) => {
      const id = params.id as string;
      const q = new QueryFields(query);
      const type = q.string('type', 50);
      const limit = q.limit(100, 1000);
      const offset = q.integer('offset', { min: 0, max: 1_000_000 }, 0);
      if (q.reject(res, 'invalid query')) return;
      const events = ledger.events(id);
      if (events === undefined) return leaseNotFound(res, id);
      const matching = type === undefined ? events : events.filter((e) => e.type === type);
      sendJson(res, 200, {
        leaseId: id,
        events: matching.slice(offset, offset + limit),
        total: matching.length,
        trimmed: ledger.trimmed(id),
      });
    })
    .add('GET', '/audit/leases/:id/timeline', ({ res, params }) => {
      const transitions = ledger.timeline(params.id as string);
      if (transitions === undefined) leaseNotFound(res, params.id);
      else sendJson(res, 200, { leaseId: params.id, transitions });
    })
    .add('GET', '/audit/leases/:id/state', stateAt(store, now))
    .add('GET', '/audit/leases/:id/export', ({ res, params, query }) => {
      const id = params.id as string;
      const q = new QueryFields(query);
      const format = q.oneOf('format', ['json', 'csv'] as const) ?? 'json';
      if (q.reject(res, 'invalid query')) return;
      const events = ledger.events(id);
      if (events === undefined) return leaseNotFound(res, id);
      const filename = `ledger-${id}.${format}`;
      const disposition = { 'content-disposition': `attachment; filename="${filename}"` };
      if (format === 'csv') sendText(res, 200, ledgerToCsv(events), 'text/csv; charset=utf-8', disposition);
      else
        sendJson(res, 200, { leaseId: id, exportedAt: new Date(now()).toISOString(), events }, disposition);
    })
    .add('POST', '/audit/leases/:id/events', annotate(store, now))
    .add('GET', '/audit/metrics', ({ res }) => sendJson(res, 200, metrics(store)));
}

/**
 * `GET /audit/leases/:id/state?at=ISO` (default now): the lease's state as of its last event at
 * that time; 404 before it existed, 410 when that part of its ledger was trimmed.
 */
function stateAt(store: LeaseStore, now: () => number) {
  return ({ res, params, query }: RequestContext): void => {
    const id = params.id as string;
    const q = new QueryFields(query);
    const atMs = q.time('at') ?? now();
    if (q.reject(res, 'invalid query')) return;
    const state = store.ledger.stateAt(id, atMs);
    if (state === undefined) return leaseNotFound(res, id);
    const at = new Date(atMs).toISOString();
    switch (state.kind) {
      case 'state': {
        const { status, balanceCents, paymentsMade, id: eventId, at: eventAt } = state.event;
        sendJson(res, 200, {
          leaseId: id,
          at,
          status,
          balanceCents,
          paymentsMade,
          asOfEventId: eventId,
          asOf: eventAt,
        });
        return;
      }
      case 'before-creation':
        sendError(res, 404, `lease ${id} did not exist at ${at} (created ${state.createdAt})`);
        return;
      case 'trimmed':
        sendError(res, 410, `the ledger of lease ${id} before ${state.earliestAt} was trimmed`);
        return;
      default: {
        const unreachable: never = state;
        throw new Error(`unhandled state ${String(unreachable)}`);
      }
    }
  };
}

/**
 * `POST /audit/leases/:id/events` `{ type, note?, amountCents? }`: a client's annotation (the
 * seed's "event storm"), 201 with the event; the lease service's own event types are refused.
 */
function annotate(store: LeaseStore, now: () => number) {
  return async ({ req, res, params }: RequestContext): Promise<void> => {
    const id = params.id as string;
    const fields = await readFields(req, res);
    if (fields === undefined) return;
    const type = fields.string('type', { max: 50 }, EVENT_TYPE);
    const note = fields.optionalString('note', { min: 0, max: 1000 });
    const amountCents = fields.optionalInteger('amountCents', { min: 0, max: 200_000_000 });
    if (fields.reject(res, 'invalid event')) return;
    const lease = store.get(id);
    if (lease === undefined) return leaseNotFound(res, id);
    if (RESERVED_TYPES.has(type)) {
      sendError(res, 422, `type ${type} is written by the lease service itself; use another type`);
      return;
    }
    const event = store.ledger.append(id, type, lease, now(), {
      ...(note === undefined ? {} : { note }),
      ...(amountCents === undefined ? {} : { amountCents }),
    });
    sendJson(res, 201, event);
  };
}

function metrics(store: LeaseStore): unknown {
  const ledger = store.ledger.metrics();
  return {
    leases: { stored: store.size, byStatus: store.countByStatus() },
    events: { stored: ledger.stored, appended: ledger.appended, appendedByType: ledger.appendedByType },
    counters: store.counters(),
  };
}

/**
 * The ledger service's load test (the seed's ledger_load_test.py): `LedgerUser` queries the audit
 * trail of leases, their timeline of state transitions, their state at a point in time, exports
 * them as JSON and CSV, and reads the service's metrics. When it starts it creates two leases and
 * pays two installments on each, so every query has a history to read. Run alone, as the seed's
 * service-specific test:
 *
 *   npx volley run ledger-load.ts --demo                    # 30 users for 5 min, demo service
 *   npx volley run ledger-load.ts -H http://localhost:8002  # against your ledger service
 *
 * `load.ts` runs this user together with the lease and payment users.
 */

import { defineScenario, defineUser, type VuContext } from 'volley';
import { createLease, health, pick, THINK_TIME } from './base.js';
import { CORRECTNESS_THRESHOLDS, endpointThresholds } from './targets.js';

interface LedgerLease {
  id: string;
  createdAtMs: number;
}

interface LedgerState {
  leases: LedgerLease[];
  /** Exports made so far: they alternate between JSON and CSV. */
  exports: number;
}

const LEASES = 2;
const INSTALLMENTS = 2;
const CSV_HEADER = 'event_id,lease_id,seq,type,at,amount_cents,balance_cents,status,payments_made,note';

interface AuditEvent {
  type: string;
}

/** Audit trail (3x): the lease's events, newest hundred. */
async function auditTrail(vu: VuContext<LedgerState>): Promise<void> {
  const lease = pick(vu, vu.state.leases) as LedgerLease;
  const res = await vu.http.get(`/audit/leases/${lease.id}`, {
    query: { limit: 100 },
    name: '/audit/leases/{id}',
  });
  vu.check(res, {
    'creation and installments in the trail': (r) =>
      r.status === 200 && r.json<{ total: number }>().total >= 1 + INSTALLMENTS,
  });
}

/** Timeline (2x): the lease's state transitions, opening with "active". */
async function timeline(vu: VuContext<LedgerState>): Promise<void> {
  const lease = pick(vu, vu.state.leases) as LedgerLease;
  const res = await vu.http.get(`/audit/leases/${lease.id}/timeline`, {
    name: '/audit/leases/{id}/timeline',
  });
  vu.check(res, {
    'timeline opens with active': (r) =>
      r.status === 200 && r.json<{ transitions: { to: string }[] }>().transitions[0]?.to === 'active',
  });
}

/** State reconstruction (2x): the lease as it was at a moment between its creation and now. */
async function stateAt(vu: VuContext<LedgerState>): Promise<void> {
  const lease = pick(vu, vu.state.leases) as LedgerLease;
  const span = Math.max(0, Date.now() - lease.createdAtMs);
  const at = new Date(lease.createdAtMs + Math.floor(vu.random() * span)).toISOString();
  const res = await vu.http.get(`/audit/leases/${lease.id}/state`, {
    query: { at },
    name: '/audit/leases/{id}/state',
  });
  vu.check(res, {
    'a state at that time': (r) =>
      r.status === 200 && typeof r.json<{ status?: string }>().status === 'string',
  });
}

/** Export (2x): the whole ledger of a lease, as JSON and as CSV in turn. */
async function exportLedger(vu: VuContext<LedgerState>): Promise<void> {
  const lease = pick(vu, vu.state.leases) as LedgerLease;
  const format = vu.state.exports++ % 2 === 0 ? 'json' : 'csv';
  const res = await vu.http.get(`/audit/leases/${lease.id}/export`, {
    query: { format },
    name: `/audit/leases/{id}/export?format=${format}`,
  });
  if (format === 'json') {
    vu.check(res, {
      'JSON export holds the events': (r) =>
        r.status === 200 && r.json<{ events: AuditEvent[] }>().events[0]?.type === 'lease_created',
    });
  } else {
    vu.check(res, {
      'CSV export: header and one row per event': (r) => {
        const lines = r.text().trimEnd().split('\r\n');
        return r.status === 200 && lines[0] === CSV_HEADER && lines.length >= 2 + INSTALLMENTS;
      },
    });
  }
}

/** Metrics (1x): the service's analytics. */
async function metrics(vu: VuContext<LedgerState>): Promise<void> {
  const res = await vu.http.get('/audit/metrics');
  vu.check(res, {
    'event counts': (r) =>
      r.status === 200 && typeof r.json<{ events?: { appended?: number } }>().events?.appended === 'number',
  });
}

export const LedgerUser = defineUser<LedgerState>({
  wait: THINK_TIME,
  async onStart(vu) {
    vu.state.leases = [];
    vu.state.exports = 0;
    for (let i = 0; i < LEASES; i++) {
      const lease = await createLease(vu);
      for (let n = 0; n < INSTALLMENTS; n++) {
        await vu.http.post(`/payments/${lease.id}/attempt`, {
          json: { method: 'ach' },
          name: '/payments/{id}/attempt',
        });
      }
      vu.state.leases.push({ id: lease.id, createdAtMs: Date.parse(lease.createdAt) });
    }
  },
  tasks: [
    { name: 'audit trail', weight: 3, run: auditTrail },
    { name: 'timeline', weight: 2, run: timeline },
    { name: 'state reconstruction', weight: 2, run: stateAt },
    { name: 'export', weight: 2, run: exportLedger },
    { name: 'metrics', weight: 1, run: metrics },
    health,
  ],
});

export default defineScenario({
  name: 'ledger-service',
  host: 'http://127.0.0.1:8000',
  users: [LedgerUser],
  // The seed's service-specific run: 30 users (bounded here to 5 minutes, ramped at 5/s).
  load: { users: 30, spawnRate: 5, duration: '5m' },
  thresholds: [...endpointThresholds(['GET /audit/leases/{id}']), ...CORRECTNESS_THRESHOLDS],
});

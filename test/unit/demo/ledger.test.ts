import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoTime } from '../../../src/demo/fields.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import type { Lease } from '../../../src/demo/lease-store.js';
import { ledgerToCsv } from '../../../src/demo/ledger-csv.js';
import { type LedgerEvent, LedgerStore } from '../../../src/demo/ledger-store.js';
import { call, manualClock } from './demo-client.js';

const clock = manualClock('2024-03-01T09:00:00.000Z');
let demo: DemoServer;
let leaseId: string;

const MINUTE = 60_000;
const iso = (offsetMs: number): string => new Date(clock.t0 + offsetMs).toISOString();

// One lease's life on a hand-moved clock: created at +0, paid at +1 min, declined three times at
// +2..+4 min (delinquent at +4), paid off at +5 min.
beforeAll(async () => {
  demo = await startDemoServer({ clock: clock.now });
  const created = await call<Lease>(demo, 'POST', '/leases', {
    json: { customerId: 'c', principalCents: 1_200_000, termMonths: 36 },
  });
  leaseId = created.body.id;
  clock.advance(MINUTE);
  await call(demo, 'POST', `/payments/${leaseId}/attempt`);
  for (let i = 0; i < 3; i++) {
    clock.advance(MINUTE);
    await call(demo, 'POST', `/payments/${leaseId}/attempt`, { json: { simulate: 'decline' } });
  }
  clock.advance(MINUTE);
  await call(demo, 'POST', `/payments/${leaseId}/payoff`);
});

afterAll(async () => {
  await demo.close();
});

const TYPES = [
  'lease_created',
  'payment_succeeded',
  'payment_failed',
  'payment_failed',
  'payment_failed',
  'lease_delinquent',
  'payment_succeeded',
  'lease_reinstated',
  'lease_paid_off',
];

describe('the ledger of a lease', () => {
  it('GET /audit/leases/:id is the full trail, filterable by type', async () => {
    const trail = await call<{ events: LedgerEvent[]; total: number; trimmed: number }>(
      demo,
      'GET',
      `/audit/leases/${leaseId}`,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.events.map((e) => e.type)).toEqual(TYPES);
    expect(trail.body.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(trail.body.total).toBe(9);
    expect(trail.body.trimmed).toBe(0);
    const failed = await call<{ events: LedgerEvent[]; total: number }>(
      demo,
      'GET',
      `/audit/leases/${leaseId}?type=payment_failed&limit=2&offset=1`,
    );
    expect(failed.body.total).toBe(3);
    expect(failed.body.events.map((e) => e.at)).toEqual([iso(3 * MINUTE), iso(4 * MINUTE)]);
    // The lease service's own history is the same trail.
    const history = await call<{ events: LedgerEvent[] }>(demo, 'GET', `/leases/${leaseId}/history`);
    expect(history.body.events).toEqual(trail.body.events);
  });

  it('GET …/timeline lists each change of status', async () => {
    const res = await call<{ transitions: unknown[] }>(demo, 'GET', `/audit/leases/${leaseId}/timeline`);
    expect(res.body.transitions).toEqual([
      { from: null, to: 'active', at: iso(0), eventId: expect.any(String), type: 'lease_created' },
      {
        from: 'active',
        to: 'delinquent',
        at: iso(4 * MINUTE),
        eventId: expect.any(String),
        type: 'lease_delinquent',
      },
      {
        from: 'delinquent',
        to: 'active',
        at: iso(5 * MINUTE),
        eventId: expect.any(String),
        type: 'lease_reinstated',
      },
      {
        from: 'active',
        to: 'paid_off',
        at: iso(5 * MINUTE),
        eventId: expect.any(String),
        type: 'lease_paid_off',
      },
    ]);
  });

  it('GET …/state?at= reconstructs the lease at a point in time', async () => {
    const state = async (at: string) =>
      call(demo, 'GET', `/audit/leases/${leaseId}/state?at=${encodeURIComponent(at)}`);
    expect((await state(iso(30_000))).body).toMatchObject({
      at: iso(30_000),
      status: 'active',
      balanceCents: 1_200_000,
      paymentsMade: 0,
      asOf: iso(0),
    });
    expect((await state(iso(MINUTE))).body).toMatchObject({
      status: 'active',
      balanceCents: 1_169_493,
      paymentsMade: 1,
    });
    expect((await state(iso(4 * MINUTE + 1))).body).toMatchObject({
      status: 'delinquent',
      balanceCents: 1_169_493,
    });
    expect((await state(iso(10 * MINUTE))).body).toMatchObject({
      status: 'paid_off',
      balanceCents: 0,
      paymentsMade: 2,
    });
    // Without ?at= it is now (the clock stands at +5 min).
    expect((await call(demo, 'GET', `/audit/leases/${leaseId}/state`)).body).toMatchObject({
      status: 'paid_off',
    });

    const before = await state(iso(-1));
    expect(before.status).toBe(404);
    expect(before.body).toEqual({
      error: `lease ${leaseId} did not exist at ${iso(-1)} (created ${iso(0)})`,
    });
    const bad = await state('yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: 'invalid query',
      details: ['at: must be an ISO 8601 time, e.g. 2024-05-01T12:00:00Z'],
    });
  });

  it('exports as CSV with text/csv, a header and one row per event', async () => {
    const res = await call(demo, 'GET', `/audit/leases/${leaseId}/export?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ledger-${leaseId}.csv"`);
    const rows = res.text.split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows[0]).toBe(
      'event_id,lease_id,seq,type,at,amount_cents,balance_cents,status,payments_made,note',
    );
    expect(rows.slice(1, -1).map((r) => r.split(',')[3])).toEqual(TYPES);
    expect(rows[1]).toMatch(
      new RegExp(`^evt_\\d+,${leaseId},1,lease_created,${iso(0)},1200000,1200000,active,0,$`),
    );
    expect(rows[2]).toMatch(new RegExp(`,2,payment_succeeded,${iso(MINUTE)},36507,1169493,active,1,$`));
    expect(rows[7]).toMatch(/,7,payment_succeeded,.*,1175340,0,delinquent,2,early payoff$/);
  });

  it('exports as JSON by default and refuses other formats', async () => {
    const json = await call<{ leaseId: string; events: LedgerEvent[]; exportedAt: string }>(
      demo,
      'GET',
      `/audit/leases/${leaseId}/export`,
    );
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.body.leaseId).toBe(leaseId);
    expect(json.body.exportedAt).toBe(iso(5 * MINUTE));
    expect(json.body.events).toHaveLength(9);
    expect((await call(demo, 'GET', `/audit/leases/${leaseId}/export?format=xml`)).status).toBe(400);
    expect((await call(demo, 'GET', '/audit/leases/lse_999/export')).status).toBe(404);
  });

  it("appends client annotations, but not the service's own event types", async () => {
    const note = await call<LedgerEvent>(demo, 'POST', `/audit/leases/${leaseId}/events`, {
      json: { type: 'customer_call', note: 'asked, "why"?', amountCents: 0 },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      type: 'customer_call',
      seq: 10,
      status: 'paid_off',
      note: 'asked, "why"?',
    });
    const csv = await call(demo, 'GET', `/audit/leases/${leaseId}/export?format=csv`);
    expect(csv.text.split('\r\n')[10]).toMatch(/,customer_call,.*,"asked, ""why""\?"$/);
    const reserved = await call(demo, 'POST', `/audit/leases/${leaseId}/events`, {
      json: { type: 'lease_paid_off' },
    });
    expect(reserved.status).toBe(422);
    const bad = await call(demo, 'POST', `/audit/leases/${leaseId}/events`, { json: { type: 'Not A Type' } });
    expect(bad.status).toBe(400);
    expect((await call(demo, 'POST', '/audit/leases/lse_999/events', { json: { type: 'x' } })).status).toBe(
      404,
    );
  });

  it('GET /audit/metrics counts leases, events and payments', async () => {
    const res = await call(demo, 'GET', '/audit/metrics');
    expect(res.body).toMatchObject({
      leases: { stored: 1, byStatus: { active: 0, delinquent: 0, paid_off: 1 } },
      events: {
        appended: 10,
        appendedByType: { lease_created: 1, payment_succeeded: 2, payment_failed: 3, customer_call: 1 },
      },
      counters: { created: 1, succeeded: 2, declined: 3, payoffs: 1, volumeCents: 36_507 + 1_175_340 },
    });
  });
});

describe('LedgerStore limits', () => {
  const state = { status: 'active', balanceCents: 5, paymentsMade: 0 } as const;

  it('trims a lease to its newest events and says so for older points in time', () => {
    const ledger = new LedgerStore({ maxEventsPerLease: 3 });
    for (let t = 0; t < 5; t++) ledger.append('a', `e${t}`, state, 1000 + t);
    expect(ledger.events('a')?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(ledger.trimmed('a')).toBe(2);
    expect(ledger.stateAt('a', 1001)).toEqual({ kind: 'trimmed', earliestAt: new Date(1002).toISOString() });
    expect(ledger.stateAt('a', 999)).toMatchObject({ kind: 'before-creation' });
    expect(ledger.stateAt('a', 1003)).toMatchObject({ kind: 'state', event: { seq: 4 } });
    expect(ledger.metrics()).toMatchObject({ stored: 3, appended: 5 });
  });

  it('drops the oldest lease once all leases hold more than maxEvents', () => {
    const evicted: string[] = [];
    const ledger = new LedgerStore({
      maxEventsPerLease: 2,
      maxEvents: 4,
      onEvictLease: (id) => evicted.push(id),
    });
    for (const id of ['a', 'b', 'c']) {
      ledger.append(id, 'x', state, 0);
      ledger.append(id, 'y', state, 1);
    }
    expect(evicted).toEqual(['a']);
    expect(ledger.has('a')).toBe(false);
    expect(ledger.metrics()).toMatchObject({ leases: 2, stored: 4 });
  });

  it('quotes CSV fields only when needed', () => {
    const event: LedgerEvent = {
      id: 'evt_1',
      leaseId: 'lse_1',
      seq: 1,
      type: 'note',
      at: '2024-01-01T00:00:00.000Z',
      atMs: 0,
      amountCents: null,
      note: 'line\nbreak',
      ...state,
    };
    expect(ledgerToCsv([event]).split('\r\n')[1]).toBe(
      'evt_1,lse_1,1,note,2024-01-01T00:00:00.000Z,,5,active,0,"line\nbreak"',
    );
  });
});

describe('parseIsoTime', () => {
  it('accepts dates and date-times with offsets, and nothing else', () => {
    expect(parseIsoTime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseIsoTime('2024-03-01T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 1, 8));
    expect(parseIsoTime('2024-03-01T10:00:00.123Z')).toBe(Date.UTC(2024, 2, 1, 10, 0, 0, 123));
    for (const bad of ['yesterday', '1709287200000', '2024-13-01', ''])
      expect(parseIsoTime(bad)).toBeUndefined();
  });

  it('reads an unencoded + offset in ?at=', async () => {
    const res = await call(demo, 'GET', `/audit/leases/${leaseId}/state?at=2024-03-01T11:00:30+02:00`);
    // 11:00:30+02:00 is 09:00:30Z, 30 s after creation.
    expect(res.body).toMatchObject({ at: iso(30_000), status: 'active', paymentsMade: 0 });
  });
});

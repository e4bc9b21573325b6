import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { monthlyPaymentCents, scheduledRemainingCents } from '../../../src/demo/lease-math.js';
import type { Lease, Payment } from '../../../src/demo/lease-store.js';
import { call } from './demo-client.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

const LEASE = { customerId: 'cust-1', principalCents: 1_200_000, termMonths: 36 };

async function createLease(body: unknown = LEASE, key?: string) {
  return call<Lease>(demo, 'POST', '/leases', {
    json: body,
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
}

describe('POST /leases', () => {
  it('creates a lease with an amortized monthly payment', async () => {
    const res = await createLease();
    expect(res.status).toBe(201);
    const lease = res.body;
    expect(lease).toMatchObject({
      customerId: 'cust-1',
      principalCents: 1_200_000,
      termMonths: 36,
      aprPercent: 6,
      // 1,200,000 × 0.005 / (1 − 1.005^−36) = 36,506.32…, rounded up to the cent.
      monthlyPaymentCents: 36_507,
      status: 'active',
      balanceCents: 1_200_000,
      paymentsMade: 0,
    });
    expect(lease.id).toMatch(/^lse_\d+$/);
    expect(res.headers.get('location')).toBe(`/leases/${lease.id}`);
    expect((await call(demo, 'GET', `/leases/${lease.id}`)).body).toEqual(lease);
  });

  it('returns the same lease for the same Idempotency-Key: 201 first, then 200', async () => {
    const first = await createLease(LEASE, 'key-same');
    const second = await createLease(LEASE, 'key-same');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    // Another key, or none, makes a new lease.
    const other = await createLease(LEASE, 'key-other');
    const none = await createLease(LEASE);
    expect(new Set([first.body.id, other.body.id, none.body.id]).size).toBe(3);
  });

  it('refuses an Idempotency-Key reused with a different body', async () => {
    const first = await createLease(LEASE, 'key-conflict');
    const conflict = await createLease({ ...LEASE, termMonths: 12 }, 'key-conflict');
    expect(conflict.status).toBe(422);
    expect(conflict.body).toEqual({
      error: `Idempotency-Key was already used for lease ${first.body.id} with a different request body`,
    });
    const tooLong = await createLease(LEASE, 'k'.repeat(256));
    expect(tooLong.status).toBe(400);
  });

  it('lists every invalid field', async () => {
    const res = await createLease({ customerId: '', principalCents: 99, termMonths: 1.5, aprPercent: 51 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid lease',
      details: [
        'customerId: must be a string of 1 to 100 characters',
        'principalCents: must be an integer from 100 to 100000000',
        'termMonths: must be an integer from 1 to 120',
        'aprPercent: must be a number from 0 to 50',
      ],
    });
    expect((await createLease([1])).status).toBe(400);
    expect((await call(demo, 'GET', '/leases/lse_999999')).status).toBe(404);
  });
});

describe('GET /leases', () => {
  it('lists newest first with filters, limit and offset', async () => {
    const local = await startDemoServer();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const customerId = i % 2 === 0 ? 'even' : 'odd';
        const res = await call<Lease>(local, 'POST', '/leases', { json: { ...LEASE, customerId } });
        ids.push(res.body.id);
      }
      const all = await call<{ leases: Lease[]; total: number }>(local, 'GET', '/leases');
      expect(all.body.total).toBe(5);
      expect(all.body.leases.map((l) => l.id)).toEqual([...ids].reverse());
      const even = await call<{ leases: Lease[]; total: number }>(
        local,
        'GET',
        '/leases?customerId=even&limit=2',
      );
      expect(even.body.total).toBe(3);
      expect(even.body.leases.map((l) => l.id)).toEqual([ids[4], ids[2]]);
      const page = await call<{ leases: Lease[] }>(local, 'GET', '/leases?limit=2&offset=2');
      expect(page.body.leases.map((l) => l.id)).toEqual([ids[2], ids[1]]);
      expect((await call<{ total: number }>(local, 'GET', '/leases?status=paid_off')).body.total).toBe(0);
      const bad = await call(local, 'GET', '/leases?status=gone&limit=0');
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({
        error: 'invalid query',
        details: [
          'status: must be one of active, delinquent, paid_off',
          'limit: must be a positive integer (at most 100)',
        ],
      });
    } finally {
      await local.close();
    }
  });
});

describe('payments', () => {
  it('splits an installment into interest and principal', async () => {
    const lease = (await createLease()).body;
    const res = await call<{ payment: Payment; lease: Lease }>(demo, 'POST', `/payments/${lease.id}/attempt`);
    expect(res.status).toBe(201);
    // Interest: 1,200,000 × 6 % / 12 = 6,000; principal: 36,507 − 6,000.
    expect(res.body.payment).toMatchObject({
      leaseId: lease.id,
      kind: 'installment',
      method: 'card',
      status: 'succeeded',
      amountCents: 36_507,
      interestCents: 6_000,
      principalCents: 30_507,
      balanceAfterCents: 1_169_493,
    });
    expect(res.body.lease).toMatchObject({ balanceCents: 1_169_493, paymentsMade: 1 });
    const listed = await call<{ payments: Payment[]; total: number }>(demo, 'GET', `/payments/${lease.id}`);
    expect(listed.body).toEqual({ leaseId: lease.id, payments: [res.body.payment], total: 1 });
  });

  it('makes a lease delinquent after three declines and reinstates it on the next payment', async () => {
    const lease = (await createLease()).body;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call<{ error: string; lease: Lease; payment: Payment }>(
        demo,
        'POST',
        `/payments/${lease.id}/attempt`,
        { json: { simulate: 'decline', method: 'ach' } },
      );
      expect(res.status).toBe(402);
      expect(res.body.error).toBe('payment declined');
      expect(res.body.payment).toMatchObject({ status: 'declined', method: 'ach', interestCents: 0 });
      statuses.push(res.body.lease.status);
    }
    expect(statuses).toEqual(['active', 'active', 'delinquent']);
    const paid = await call<{ lease: Lease }>(demo, 'POST', `/payments/${lease.id}/attempt`, {
      json: { amountCents: 10_000 },
    });
    expect(paid.status).toBe(201);
    expect(paid.body.lease).toMatchObject({ status: 'active', failedAttempts: 0, balanceCents: 1_196_000 });
  });

  it("pays off early: balance plus this month's interest, reporting the interest saved", async () => {
    const lease = (await createLease()).body;
    await call(demo, 'POST', `/payments/${lease.id}/attempt`);
    const res = await call<{ payment: Payment; lease: Lease; interestSavedCents: number }>(
      demo,
      'POST',
      `/payments/${lease.id}/payoff`,
    );
    expect(res.status).toBe(201);
    // Balance 1,169,493 + interest round(1,169,493 × 0.005) = 5,847.
    expect(res.body.payment).toMatchObject({
      kind: 'payoff',
      method: 'ach',
      amountCents: 1_175_340,
      interestCents: 5_847,
    });
    expect(res.body.lease).toMatchObject({ status: 'paid_off', balanceCents: 0, paymentsMade: 2 });
    // Paying the remaining 35 installments on schedule would cost 1,277,717 in all.
    expect(res.body.interestSavedCents).toBe(1_277_717 - 1_175_340);
    expect(scheduledRemainingCents(1_169_493, 6, 36_507, 36)).toBe(1_277_717);

    expect((await call(demo, 'POST', `/payments/${lease.id}/attempt`)).status).toBe(409);
    expect((await call(demo, 'POST', `/payments/${lease.id}/payoff`)).status).toBe(409);
  });

  it('validates attempts', async () => {
    const lease = (await createLease()).body;
    const tooMuch = await call(demo, 'POST', `/payments/${lease.id}/attempt`, {
      json: { amountCents: 1_206_001 },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toEqual({ error: 'amountCents exceeds what is owed (at most 1206000)' });
    const bad = await call(demo, 'POST', `/payments/${lease.id}/attempt`, {
      json: { amountCents: 0, method: 'cash', simulate: 'yes' },
    });
    expect(bad.body).toEqual({
      error: 'invalid payment',
      details: [
        'amountCents: must be an integer from 1 to 200000000',
        'method: must be one of card, ach',
        'simulate: must be one of decline',
      ],
    });
    expect((await call(demo, 'POST', '/payments/lse_999999/attempt')).status).toBe(404);
    expect((await call(demo, 'GET', '/payments/lse_999999')).status).toBe(404);
  });
});

describe('lease math', () => {
  it('computes level payments, with 0 % as an even split', () => {
    expect(monthlyPaymentCents(1_200_000, 6, 36)).toBe(36_507);
    expect(monthlyPaymentCents(1_000, 0, 3)).toBe(334);
    // 12 % over 12 months on 10,000: 888.49 → 889 cents rounded up.
    expect(monthlyPaymentCents(10_000, 12, 12)).toBe(889);
  });
});

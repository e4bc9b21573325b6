/**
 * The payment service's load test (the seed's payment_load_test.py): `PaymentUser` creates its
 * own test leases when it starts, then lists their payments, pays installments and now and then
 * pays a lease off early. Run alone, as the seed's service-specific test:
 *
 *   npx volley run payment-load.ts --demo                    # 30 users for 5 min, demo service
 *   npx volley run payment-load.ts -H http://localhost:8001  # against your payment service
 *
 * `load.ts` runs this user together with the lease and ledger users.
 */

import { defineScenario, defineUser, type VuContext } from 'volley';
import { createLease, health, type Lease, leaseOf, pick, THINK_TIME } from './base.js';
import { CORRECTNESS_THRESHOLDS, endpointThresholds } from './targets.js';

interface PaymentState {
  /** This user's open leases; one paid off is replaced by a new one. */
  leases: string[];
}

const TEST_LEASES = 3;

/** List payments (2x): a lease's payments so far. */
async function listPayments(vu: VuContext<PaymentState>): Promise<void> {
  const id = pick(vu, vu.state.leases) as string;
  const res = await vu.http.get(`/payments/${id}`, { name: '/payments/{id}' });
  vu.check(res, {
    'payments of the lease': (r) =>
      r.status === 200 && Array.isArray(r.json<{ payments?: unknown[] }>().payments),
  });
}

/** Attempt payment (3x): this month's installment, by card. */
async function attemptPayment(vu: VuContext<PaymentState>): Promise<void> {
  const id = pick(vu, vu.state.leases) as string;
  const res = await vu.http.post(`/payments/${id}/attempt`, {
    json: { method: 'card' },
    name: '/payments/{id}/attempt',
  });
  vu.check(res, {
    'installment succeeded (201)': (r) =>
      r.status === 201 && r.json<{ payment?: { status?: string } }>().payment?.status === 'succeeded',
  });
  // The last installment closes the lease: carry on with a new one.
  if (leaseOf(res)?.status === 'paid_off') await replace(vu, id);
}

/** Early payoff (1x): the balance plus this month's interest closes the lease. */
async function earlyPayoff(vu: VuContext<PaymentState>): Promise<void> {
  const id = pick(vu, vu.state.leases) as string;
  const res = await vu.http.post(`/payments/${id}/payoff`, {
    json: { method: 'ach' },
    name: '/payments/{id}/payoff',
  });
  vu.check(res, {
    'paid off, balance 0': (r) => {
      const lease: Lease | undefined = leaseOf(r);
      return r.status === 201 && lease?.status === 'paid_off' && lease.balanceCents === 0;
    },
  });
  if (res.status === 201) await replace(vu, id);
}

async function replace(vu: VuContext<PaymentState>, closedId: string): Promise<void> {
  const lease = await createLease(vu);
  vu.state.leases = vu.state.leases.map((id) => (id === closedId ? lease.id : id));
}

export const PaymentUser = defineUser<PaymentState>({
  wait: THINK_TIME,
  async onStart(vu) {
    vu.state.leases = [];
    for (let i = 0; i < TEST_LEASES; i++) vu.state.leases.push((await createLease(vu)).id);
  },
  tasks: [
    { name: 'list payments', weight: 2, run: listPayments },
    { name: 'attempt payment', weight: 3, run: attemptPayment },
    { name: 'early payoff', weight: 1, run: earlyPayoff },
    health,
  ],
});

export default defineScenario({
  name: 'payment-service',
  host: 'http://127.0.0.1:8000',
  users: [PaymentUser],
  // The seed's service-specific run: 30 users (bounded here to 5 minutes, ramped at 5/s).
  load: { users: 30, spawnRate: 5, duration: '5m' },
  thresholds: [...endpointThresholds(['POST /payments/{id}/attempt']), ...CORRECTNESS_THRESHOLDS],
});

/**
 * The lease and payment services behind `/leases` and `/payments` (seed 000): leases created
 * under an idempotency key, installments that succeed or are declined, delinquency after three
 * declines in a row, early payoff. Every change is written to the ledger (ledger-store.ts),
 * which is what the audit endpoints read.
 *
 * Idempotency works as payment APIs do (idempotency-keys.ts): the same key with the same body
 * returns the first lease (the route answers 200 instead of 201); with a different body it is
 * a conflict.
 */

import { checkCapacity, pushCapped, setCapped } from './capped.js';
import { IdempotencyKeys } from './idempotency-keys.js';
import {
  monthlyInterestCents,
  monthlyPaymentCents,
  scheduledRemainingCents,
  splitPayment,
} from './lease-math.js';
import { type LeaseSnapshot, type LeaseStatus, LedgerStore } from './ledger-store.js';

export interface LeaseInput {
  customerId: string;
  principalCents: number;
  termMonths: number;
  aprPercent: number;
}

export interface Lease extends LeaseInput, LeaseSnapshot {
  id: string;
  monthlyPaymentCents: number;
  /** Declined attempts since the last successful payment. */
  failedAttempts: number;
  createdAt: string;
  updatedAt: string;
}

export type PaymentMethod = 'card' | 'ach';

export interface Payment {
  id: string;
  leaseId: string;
  kind: 'installment' | 'payoff';
  method: PaymentMethod;
  status: 'succeeded' | 'declined';
  amountCents: number;
  interestCents: number;
  principalCents: number;
  balanceAfterCents: number;
  at: string;
}

export type CreateLeaseResult =
  | { kind: 'created' | 'replayed'; lease: Lease }
  | { kind: 'key-conflict'; leaseId: string };

export type AttemptResult =
  | { kind: 'succeeded' | 'declined'; payment: Payment; lease: Lease }
  | { kind: 'not-found' }
  | { kind: 'closed' }
  | { kind: 'too-much'; maxCents: number };

export type PayoffResult =
  | { kind: 'paid-off'; payment: Payment; lease: Lease; interestSavedCents: number }
  | { kind: 'not-found' }
  | { kind: 'closed' };

export interface LeaseCounters {
  created: number;
  replayed: number;
  succeeded: number;
  declined: number;
  payoffs: number;
  volumeCents: number;
}

export const DELINQUENT_AFTER_DECLINES = 3;
export const DEFAULT_LEASE_CAPACITY = 10_000;
const IDEMPOTENCY_KEYS_PER_LEASE = 10;
const PAYMENTS_KEPT_PER_LEASE = 500;

export class LeaseStore {
  readonly ledger: LedgerStore;
  readonly #leases = new Map<string, Lease>();
  readonly #payments = new Map<string, Payment[]>();
  readonly #keys: IdempotencyKeys;
  readonly #capacity: number;
  readonly #now: () => number;
  #nextLease = 1;
  #nextPayment = 1;
  readonly #counters = { created: 0, replayed: 0, succeeded: 0, declined: 0, payoffs: 0, volumeCents: 0 };

  constructor(now: () => number = Date.now, capacity = DEFAULT_LEASE_CAPACITY) {
    this.#capacity = checkCapacity('lease store', capacity);
    this.#now = now;
    this.#keys = new IdempotencyKeys(capacity * IDEMPOTENCY_KEYS_PER_LEASE);
    this.ledger = new LedgerStore({ onEvictLease: (id) => this.#forget(id) });
  }

  get size(): number {
    return this.#leases.size;
  }

  /** Lifetime totals: leases created and replayed, payments succeeded and declined, payoffs, volume. */
  counters(): LeaseCounters {
    return { ...this.#counters };
  }

  create(input: LeaseInput, idempotencyKey?: string): CreateLeaseResult {
    const fingerprint = JSON.stringify(input);
    if (idempotencyKey !== undefined) {
      const seen = this.#keys.lookup(idempotencyKey, fingerprint, (id) => this.#leases.has(id));
      if (seen.kind === 'conflict') return { kind: 'key-conflict', leaseId: seen.id };
      if (seen.kind === 'replay') {
        this.#counters.replayed++;
        return { kind: 'replayed', lease: this.#leases.get(seen.id) as Lease };
      }
    }
    const nowMs = this.#now();
    const at = new Date(nowMs).toISOString();
    const lease: Lease = {
      id: `lse_${this.#nextLease++}`,
      ...input,
      monthlyPaymentCents: monthlyPaymentCents(input.principalCents, input.aprPercent, input.termMonths),
      status: 'active',
      balanceCents: input.principalCents,
      paymentsMade: 0,
      failedAttempts: 0,
      createdAt: at,
      updatedAt: at,
    };
    setCapped(this.#leases, lease.id, lease, this.#capacity, (id) => this.#forget(id));
    if (idempotencyKey !== undefined) this.#keys.remember(idempotencyKey, lease.id, fingerprint);
    this.ledger.append(lease.id, 'lease_created', lease, nowMs, { amountCents: input.principalCents });
    this.#counters.created++;
    return { kind: 'created', lease };
  }

  get(id: string): Lease | undefined {
    return this.#leases.get(id);
  }

  /** Newest first, after filters; `total` counts every match. */
  list(
    filter: { status?: LeaseStatus | undefined; customerId?: string | undefined },
    limit: number,
    offset: number,
  ): { leases: Lease[]; total: number } {
    const matches: Lease[] = [];
    for (const lease of this.#leases.values()) {
      if (filter.status !== undefined && lease.status !== filter.status) continue;
      if (filter.customerId !== undefined && lease.customerId !== filter.customerId) continue;
      matches.push(lease);
    }
    matches.reverse();
    return { leases: matches.slice(offset, offset + limit), total: matches.length };
  }

  countByStatus(): Record<LeaseStatus, number> {
    const counts: Record<LeaseStatus, number> = { active: 0, delinquent: 0, paid_off: 0 };
    for (const lease of this.#leases.values()) counts[lease.status]++;
    return counts;
  }

  payments(leaseId: string): readonly Payment[] | undefined {
    if (!this.#leases.has(leaseId)) return undefined;
    return this.#payments.get(leaseId) ?? [];
  }

  /** One installment: `amountCents` defaults to what is due this month. */
  attempt(
    leaseId: string,
    options: { amountCents?: number; method?: PaymentMethod; decline?: boolean },
  ): AttemptResult {
    const lease = this.#leases.get(leaseId);
    if (lease === undefined) return { kind: 'not-found' };
    if (lease.status === 'paid_off') return { kind: 'closed' };
    const maxCents = lease.balanceCents + monthlyInterestCents(lease.balanceCents, lease.aprPercent);
    const amountCents = options.amountCents ?? Math.min(lease.monthlyPaymentCents, maxCents);
    if (amountCents > maxCents) return { kind: 'too-much', maxCents };
    const nowMs = this.#now();
    const method = options.method ?? 'card';
    if (options.decline === true) {
      lease.failedAttempts++;
      const payment = this.#record(lease, 'installment', method, 'declined', amountCents, 0, nowMs);
      this.ledger.append(lease.id, 'payment_failed', lease, nowMs, { amountCents });
      if (lease.status === 'active' && lease.failedAttempts >= DELINQUENT_AFTER_DECLINES) {
        this.#transition(lease, 'delinquent', 'lease_delinquent', nowMs);
      }
      this.#counters.declined++;
      return { kind: 'declined', payment, lease };
    }
    const split = splitPayment(amountCents, lease.balanceCents, lease.aprPercent);
    const payment = this.#pay(lease, 'installment', method, amountCents, split, nowMs);
    return { kind: 'succeeded', payment, lease };
  }

  /** Pays the balance plus this month's interest and closes the lease. */
  payoff(leaseId: string, method: PaymentMethod = 'ach'): PayoffResult {
    const lease = this.#leases.get(leaseId);
    if (lease === undefined) return { kind: 'not-found' };
    if (lease.status === 'paid_off') return { kind: 'closed' };
    const scheduled = scheduledRemainingCents(
      lease.balanceCents,
      lease.aprPercent,
      lease.monthlyPaymentCents,
      lease.termMonths,
    );
    const interestCents = monthlyInterestCents(lease.balanceCents, lease.aprPercent);
    const amountCents = lease.balanceCents + interestCents;
    const payment = this.#pay(
      lease,
      'payoff',
      method,
      amountCents,
      { interestCents, principalCents: lease.balanceCents },
      this.#now(),
    );
    this.#counters.payoffs++;
    return { kind: 'paid-off', payment, lease, interestSavedCents: Math.max(0, scheduled - amountCents) };
  }

  #pay(
    lease: Lease,
    kind: Payment['kind'],
    method: PaymentMethod,
    amountCents: number,
    split: { interestCents: number; principalCents: number },
    nowMs: number,
  ): Payment {
    lease.balanceCents -= split.principalCents;
    lease.paymentsMade++;
    lease.failedAttempts = 0;
    const payment = this.#record(lease, kind, method, 'succeeded', amountCents, split.interestCents, nowMs);
    this.ledger.append(lease.id, 'payment_succeeded', lease, nowMs, {
      amountCents,
      ...(kind === 'payoff' ? { note: 'early payoff' } : {}),
    });
    if (lease.status === 'delinquent') this.#transition(lease, 'active', 'lease_reinstated', nowMs);
    if (lease.balanceCents <= 0) this.#transition(lease, 'paid_off', 'lease_paid_off', nowMs);
    this.#counters.succeeded++;
    this.#counters.volumeCents += amountCents;
    return payment;
  }

  #record(
    lease: Lease,
    kind: Payment['kind'],
    method: PaymentMethod,
    status: Payment['status'],
    amountCents: number,
    interestCents: number,
    nowMs: number,
  ): Payment {
    const at = new Date(nowMs).toISOString();
    lease.updatedAt = at;
    const payment: Payment = {
      id: `pay_${this.#nextPayment++}`,
      leaseId: lease.id,
      kind,
      method,
      status,
      amountCents,
      interestCents: status === 'succeeded' ? interestCents : 0,
      principalCents: status === 'succeeded' ? amountCents - interestCents : 0,
      balanceAfterCents: lease.balanceCents,
      at,
    };
    let list = this.#payments.get(lease.id);
    if (list === undefined) {
      list = [];
      this.#payments.set(lease.id, list);
    }
    pushCapped(list, payment, PAYMENTS_KEPT_PER_LEASE);
    return payment;
  }

  #transition(lease: Lease, status: LeaseStatus, type: string, nowMs: number): void {
    lease.status = status;
    this.ledger.append(lease.id, type, lease, nowMs);
  }

  /** A lease evicted from either store leaves both (its idempotency keys then read as new). */
  #forget(leaseId: string): void {
    this.#leases.delete(leaseId);
    this.#payments.delete(leaseId);
    this.ledger.drop(leaseId);
  }
}

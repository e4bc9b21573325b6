/**
 * Payments behind `/api/v1/payments*` (seed 002): each user's charges, created once per
 * `Idempotency-Key` (the key is scoped to the user, as a payment provider scopes it to an
 * account), listed newest first. Capped like every demo store.
 */

import { checkCapacity, pushCapped, setCapped } from './capped.js';
import { IdempotencyKeys } from './idempotency-keys.js';

export const CURRENCIES = ['usd', 'eur', 'gbp'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface PlatformPaymentInput {
  amountCents: number;
  currency: Currency;
  description: string | null;
}

export interface PlatformPayment extends PlatformPaymentInput {
  id: string;
  status: 'succeeded';
  createdAt: string;
}

export type CreatePaymentResult =
  | { kind: 'created' | 'replayed'; payment: PlatformPayment }
  | { kind: 'key-conflict'; paymentId: string };

export const DEFAULT_PLATFORM_PAYMENT_CAPACITY = 100_000;
const PAYMENTS_LISTED_PER_USER = 200;

export class PlatformPaymentStore {
  readonly #payments = new Map<string, PlatformPayment>();
  readonly #byOwner = new Map<string, string[]>();
  readonly #keys: IdempotencyKeys;
  readonly #capacity: number;
  readonly #now: () => number;
  #nextId = 1;

  constructor(now: () => number = Date.now, capacity = DEFAULT_PLATFORM_PAYMENT_CAPACITY) {
    this.#now = now;
    this.#capacity = checkCapacity('payment store', capacity);
    this.#keys = new IdempotencyKeys(capacity);
  }

  create(owner: string, input: PlatformPaymentInput, idempotencyKey?: string): CreatePaymentResult {
    const fingerprint = JSON.stringify(input);
    const scopedKey = idempotencyKey === undefined ? undefined : `${owner}\u0000${idempotencyKey}`;
    if (scopedKey !== undefined) {
      const seen = this.#keys.lookup(scopedKey, fingerprint, (id) => this.#payments.has(id));
      if (seen.kind === 'conflict') return { kind: 'key-conflict', paymentId: seen.id };
      if (seen.kind === 'replay')
        return { kind: 'replayed', payment: this.#payments.get(seen.id) as PlatformPayment };
    }
    const payment: PlatformPayment = {
      id: `ppay_${this.#nextId++}`,
      ...input,
      status: 'succeeded',
      createdAt: new Date(this.#now()).toISOString(),
    };
    setCapped(this.#payments, payment.id, payment, this.#capacity);
    let ids = this.#byOwner.get(owner);
    if (ids === undefined) {
      ids = [];
      setCapped(this.#byOwner, owner, ids, this.#capacity);
    }
    pushCapped(ids, payment.id, PAYMENTS_LISTED_PER_USER);
    if (scopedKey !== undefined) this.#keys.remember(scopedKey, payment.id, fingerprint);
    return { kind: 'created', payment };
  }

  /** The owner's newest payments first. */
  list(owner: string, limit: number): { payments: PlatformPayment[]; total: number } {
    const ids = this.#byOwner.get(owner) ?? [];
    const payments: PlatformPayment[] = [];
    let total = 0;
    for (let i = ids.length - 1; i >= 0; i--) {
      const payment = this.#payments.get(ids[i] as string);
      if (payment === undefined) continue;
      total++;
      if (payments.length < limit) payments.push(payment);
    }
    return { payments, total };
  }
}

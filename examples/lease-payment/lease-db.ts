/**
 * The lease service's database layer, in memory, standing in for the seed's (in-memory SQLite)
 * in the benchmarks and stress tests: leases, and an append-only ledger of events per lease.
 * Replace it with your own repository to measure your database.
 *
 * Every query is asynchronous and yields to the event loop at least once, as a driver's would,
 * so concurrent callers truly interleave. With `roundTripMs` each query also waits that long
 * (a database over the network, or a commit to disk), and with a `pool` it must first get one of
 * the pool's connections.
 */

import type { ConnectionPool } from './connection-pool.js';

export interface LeaseRecord {
  id: string;
  customerId: string;
  principalCents: number;
  termMonths: number;
  aprPercent: number;
  monthlyPaymentCents: number;
  status: 'active' | 'paid_off';
  balanceCents: number;
  createdAt: number;
}

export interface LedgerEvent {
  id: number;
  leaseId: string;
  /** 1, 2, 3… per lease. */
  seq: number;
  type: string;
  amountCents: number | null;
  balanceCents: number;
  payload: string;
  at: number;
}

export interface NewLease {
  customerId: string;
  principalCents: number;
  termMonths: number;
  aprPercent: number;
}

export class LeaseNotFoundError extends Error {
  constructor(id: string) {
    super(`lease ${id} not found`);
    this.name = 'LeaseNotFoundError';
  }
}

export class LeaseDb {
  readonly #roundTripMs: number;
  readonly #pool: ConnectionPool | undefined;
  readonly #leases = new Map<string, LeaseRecord>();
  readonly #events = new Map<string, LedgerEvent[]>();
  #nextLease = 1;
  #nextEvent = 1;

  constructor(options: { roundTripMs?: number; pool?: ConnectionPool } = {}) {
    this.#roundTripMs = options.roundTripMs ?? 0;
    this.#pool = options.pool;
  }

  /** The whole creation workflow in one transaction: the lease and its `lease_created` event. */
  createLease(input: NewLease): Promise<LeaseRecord> {
    return this.#query(() => {
      const lease: LeaseRecord = {
        id: `lease-${this.#nextLease++}`,
        ...input,
        monthlyPaymentCents: monthlyPaymentCents(input),
        status: 'active',
        balanceCents: input.principalCents,
        createdAt: Date.now(),
      };
      this.#leases.set(lease.id, lease);
      this.#events.set(lease.id, []);
      this.#insertEvent(lease, 'lease_created', input.principalCents, {});
      return lease;
    });
  }

  getLease(id: string): Promise<LeaseRecord> {
    return this.#query(() => {
      const lease = this.#leases.get(id);
      if (lease === undefined) throw new LeaseNotFoundError(id);
      return { ...lease };
    });
  }

  appendEvent(
    leaseId: string,
    type: string,
    amountCents: number | null,
    payload: object,
  ): Promise<LedgerEvent> {
    return this.#query(() => {
      const lease = this.#leases.get(leaseId);
      if (lease === undefined) throw new LeaseNotFoundError(leaseId);
      return this.#insertEvent(lease, type, amountCents, payload);
    });
  }

  /** A lease's ledger, oldest first. */
  history(leaseId: string): Promise<LedgerEvent[]> {
    return this.#query(() => {
      const events = this.#events.get(leaseId);
      if (events === undefined) throw new LeaseNotFoundError(leaseId);
      return events.map((event) => ({ ...event }));
    });
  }

  #insertEvent(lease: LeaseRecord, type: string, amountCents: number | null, payload: object): LedgerEvent {
    const events = this.#events.get(lease.id) as LedgerEvent[];
    const event: LedgerEvent = {
      id: this.#nextEvent++,
      leaseId: lease.id,
      seq: events.length + 1,
      type,
      amountCents,
      balanceCents: lease.balanceCents,
      payload: JSON.stringify(payload),
      at: Date.now(),
    };
    events.push(event);
    return event;
  }

  #query<T>(work: () => T): Promise<T> {
    const run = async (): Promise<T> => {
      await this.#roundTrip();
      return work();
    };
    return this.#pool === undefined ? run() : this.#pool.use(run);
  }

  #roundTrip(): Promise<void> {
    return new Promise((resolve) =>
      this.#roundTripMs > 0 ? setTimeout(resolve, this.#roundTripMs) : setImmediate(resolve),
    );
  }
}

/** The level monthly payment that repays the principal with interest over the term. */
function monthlyPaymentCents({ principalCents, termMonths, aprPercent }: NewLease): number {
  const rate = aprPercent / 100 / 12;
  if (rate === 0) return Math.ceil(principalCents / termMonths);
  return Math.ceil((principalCents * rate) / (1 - (1 + rate) ** -termMonths));
}

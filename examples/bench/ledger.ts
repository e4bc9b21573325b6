/**
 * A small in-memory lease ledger standing in for seed 000's database: leases, and an append-only
 * event log per lease. Its methods are asynchronous and yield to the event loop once, as a
 * database driver's would, so concurrency in the stress tests is real interleaving; with
 * `latencyMs` each call also waits that long, like a round trip to a database server.
 */

export interface Lease {
  id: string;
  customer: string;
  monthlyCents: number;
  createdAt: number;
}

export interface LedgerEvent {
  leaseId: string;
  sequence: number;
  type: string;
  payload: string;
}

export class Ledger {
  readonly #latencyMs: number;
  readonly #leases = new Map<string, Lease>();
  readonly #events = new Map<string, LedgerEvent[]>();
  #nextId = 1;

  constructor(options: { latencyMs?: number } = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
  }

  async createLease(customer: string, monthlyCents: number): Promise<Lease> {
    await this.#roundTrip();
    const lease = { id: `lease-${this.#nextId++}`, customer, monthlyCents, createdAt: Date.now() };
    this.#leases.set(lease.id, lease);
    this.#events.set(lease.id, []);
    return lease;
  }

  async getLease(id: string): Promise<Lease> {
    await this.#roundTrip();
    const lease = this.#leases.get(id);
    if (lease === undefined) throw new Error(`lease ${id} not found`);
    return lease;
  }

  async append(leaseId: string, type: string, payload: unknown): Promise<LedgerEvent> {
    await this.#roundTrip();
    const events = this.#events.get(leaseId);
    if (events === undefined) throw new Error(`lease ${leaseId} not found`);
    const event = { leaseId, sequence: events.length + 1, type, payload: JSON.stringify(payload) };
    events.push(event);
    return event;
  }

  async history(leaseId: string): Promise<LedgerEvent[]> {
    await this.#roundTrip();
    return [...(this.#events.get(leaseId) ?? [])];
  }

  #roundTrip(): Promise<void> {
    return new Promise((resolve) =>
      this.#latencyMs > 0 ? setTimeout(resolve, this.#latencyMs) : setImmediate(resolve),
    );
  }
}

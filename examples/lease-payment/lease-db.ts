/**
 * The lease service's database layer on a real SQLite (better-sqlite3), in memory like the
 * seed's, for the benchmarks and stress tests: leases, and an append-only ledger of events per
 * lease, each operation one prepared statement or one transaction. Give `file` to keep it on
 * disk; replace the class with your own repository to measure your database.
 *
 * better-sqlite3 runs a statement synchronously, so every operation first yields to the event
 * loop, as a network driver would, and concurrent callers truly interleave. With `roundTripMs`
 * each operation also waits that long (a database over the network), and with a `pool` it must
 * first get one of the pool's connections.
 */

import Database from 'better-sqlite3';
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

const SCHEMA = `
  create table if not exists leases (
    id                    text primary key,
    customer_id           text not null,
    principal_cents       integer not null,
    term_months           integer not null,
    apr_percent           real not null,
    monthly_payment_cents integer not null,
    status                text not null check (status in ('active', 'paid_off')),
    balance_cents         integer not null,
    created_at            integer not null
  );
  create table if not exists ledger_events (
    id            integer primary key autoincrement,
    lease_id      text not null references leases (id),
    seq           integer not null,
    type          text not null,
    amount_cents  integer,
    balance_cents integer not null,
    payload       text not null,
    at            integer not null,
    unique (lease_id, seq)
  );
`;

const LEASE_COLUMNS = `id, customer_id as customerId, principal_cents as principalCents,
  term_months as termMonths, apr_percent as aprPercent, monthly_payment_cents as monthlyPaymentCents,
  status, balance_cents as balanceCents, created_at as createdAt`;
const EVENT_COLUMNS = `id, lease_id as leaseId, seq, type, amount_cents as amountCents,
  balance_cents as balanceCents, payload, at`;

export class LeaseDb {
  readonly #roundTripMs: number;
  readonly #pool: ConnectionPool | undefined;
  readonly #db: Database.Database;
  readonly #insertLease: Database.Statement<[LeaseRecord]>;
  readonly #selectLease: Database.Statement<[string], LeaseRecord>;
  readonly #insertEvent: Database.Statement<[Omit<LedgerEvent, 'id'>], LedgerEvent>;
  readonly #nextSeq: Database.Statement<[string], { seq: number }>;
  readonly #selectHistory: Database.Statement<[string], LedgerEvent>;
  readonly #createLease: (lease: LeaseRecord) => LedgerEvent;
  readonly #appendEvent: (lease: LeaseRecord, type: string, amountCents: number | null, payload: object) => LedgerEvent;
  #nextLease = 1;

  constructor(options: { file?: string; roundTripMs?: number; pool?: ConnectionPool } = {}) {
    this.#roundTripMs = options.roundTripMs ?? 0;
    this.#pool = options.pool;
    this.#db = new Database(options.file ?? ':memory:');
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.exec(SCHEMA);
    // A file may hold leases already: number new ones after them.
    this.#nextLease += (this.#db.prepare('select count(*) as n from leases').get() as { n: number }).n;
    this.#insertLease = this.#db.prepare(`insert into leases values (@id, @customerId, @principalCents,
      @termMonths, @aprPercent, @monthlyPaymentCents, @status, @balanceCents, @createdAt)`);
    this.#selectLease = this.#db.prepare(`select ${LEASE_COLUMNS} from leases where id = ?`);
    this.#insertEvent = this.#db.prepare(`insert into ledger_events
      (lease_id, seq, type, amount_cents, balance_cents, payload, at)
      values (@leaseId, @seq, @type, @amountCents, @balanceCents, @payload, @at)
      returning ${EVENT_COLUMNS}`);
    this.#nextSeq = this.#db.prepare('select coalesce(max(seq), 0) + 1 as seq from ledger_events where lease_id = ?');
    this.#selectHistory = this.#db.prepare(`select ${EVENT_COLUMNS} from ledger_events where lease_id = ? order by seq`);
    const append = (lease: LeaseRecord, type: string, amountCents: number | null, payload: object): LedgerEvent => {
      const { seq } = this.#nextSeq.get(lease.id) as { seq: number };
      const payloadJson = JSON.stringify(payload);
      const event = { leaseId: lease.id, seq, type, amountCents, balanceCents: lease.balanceCents, payload: payloadJson, at: Date.now() };
      return this.#insertEvent.get(event) as LedgerEvent;
    };
    this.#appendEvent = this.#db.transaction(append);
    this.#createLease = this.#db.transaction((lease: LeaseRecord) => {
      this.#insertLease.run(lease);
      return append(lease, 'lease_created', lease.principalCents, {});
    });
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
      this.#createLease(lease);
      return lease;
    });
  }

  getLease(id: string): Promise<LeaseRecord> {
    return this.#query(() => this.#lease(id));
  }

  /** One event at the end of the lease's ledger, numbered after the last in one transaction. */
  appendEvent(leaseId: string, type: string, amountCents: number | null, payload: object): Promise<LedgerEvent> {
    return this.#query(() => this.#appendEvent(this.#lease(leaseId), type, amountCents, payload));
  }

  /** A lease's ledger, oldest first. */
  history(leaseId: string): Promise<LedgerEvent[]> {
    return this.#query(() => {
      const events = this.#selectHistory.all(leaseId);
      if (events.length === 0) throw new LeaseNotFoundError(leaseId);
      return events;
    });
  }

  close(): void {
    this.#db.close();
  }

  #lease(id: string): LeaseRecord {
    const lease = this.#selectLease.get(id);
    if (lease === undefined) throw new LeaseNotFoundError(id);
    return lease;
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

/**
 * The ledger behind `/audit/leases/*`: an append-only log of events per lease. Every event
 * carries the lease's state after it (status, balance, payments made), so "the state at time T"
 * is the last event at or before T, found without replaying anything, and the timeline of
 * state transitions is one pass.
 *
 * Bounded twice: a lease keeps its newest `maxEventsPerLease` events (older ones are trimmed and
 * counted, and a point-in-time query before them answers "trimmed" rather than a wrong state),
 * and all leases together keep at most `maxEvents`, past which the oldest lease's whole log is
 * dropped and its owner told through `onEvictLease`.
 */

export type LeaseStatus = 'active' | 'delinquent' | 'paid_off';

export const LEASE_STATUSES: readonly LeaseStatus[] = ['active', 'delinquent', 'paid_off'];

/** Event types the lease service writes; clients may append others (annotations) but not these. */
export const STATE_EVENT_TYPES = [
  'lease_created',
  'payment_succeeded',
  'payment_failed',
  'lease_delinquent',
  'lease_reinstated',
  'lease_paid_off',
] as const;

export interface LeaseSnapshot {
  status: LeaseStatus;
  balanceCents: number;
  paymentsMade: number;
}

export interface LedgerEvent extends LeaseSnapshot {
  id: string;
  leaseId: string;
  /** 1, 2, 3… per lease, never reused, so gaps reveal trimming. */
  seq: number;
  type: string;
  at: string;
  atMs: number;
  amountCents: number | null;
  note: string | null;
}

export interface Transition {
  from: LeaseStatus | null;
  to: LeaseStatus;
  at: string;
  eventId: string;
  type: string;
}

export type StateAt =
  | { kind: 'state'; event: LedgerEvent }
  | { kind: 'before-creation'; createdAt: string }
  | { kind: 'trimmed'; earliestAt: string };

interface Log {
  events: LedgerEvent[];
  nextSeq: number;
  trimmed: number;
  createdAtMs: number;
}

export interface LedgerLimits {
  maxEventsPerLease?: number;
  maxEvents?: number;
  onEvictLease?: (leaseId: string) => void;
}

export const DEFAULT_MAX_EVENTS_PER_LEASE = 1000;
export const DEFAULT_MAX_EVENTS = 200_000;
/** Distinct event types counted in metrics; the rest count as `other` (types are client-chosen). */
const MAX_COUNTED_TYPES = 64;

export class LedgerStore {
  readonly #logs = new Map<string, Log>();
  readonly #maxPerLease: number;
  readonly #maxEvents: number;
  readonly #onEvictLease: (leaseId: string) => void;
  readonly #appendedByType = new Map<string, number>();
  #stored = 0;
  #appended = 0;
  #nextId = 1;

  constructor(limits: LedgerLimits = {}) {
    this.#maxPerLease = limits.maxEventsPerLease ?? DEFAULT_MAX_EVENTS_PER_LEASE;
    this.#maxEvents = Math.max(limits.maxEvents ?? DEFAULT_MAX_EVENTS, this.#maxPerLease);
    this.#onEvictLease = limits.onEvictLease ?? (() => undefined);
  }

  /** Appends an event (opening the lease's log on its first), returning it. */
  append(
    leaseId: string,
    type: string,
    state: LeaseSnapshot,
    nowMs: number,
    extra: { amountCents?: number; note?: string } = {},
  ): LedgerEvent {
    let log = this.#logs.get(leaseId);
    if (log === undefined) {
      log = { events: [], nextSeq: 1, trimmed: 0, createdAtMs: nowMs };
      this.#logs.set(leaseId, log);
    }
    const event: LedgerEvent = {
      id: `evt_${this.#nextId++}`,
      leaseId,
      seq: log.nextSeq++,
      type,
      at: new Date(nowMs).toISOString(),
      atMs: nowMs,
      amountCents: extra.amountCents ?? null,
      note: extra.note ?? null,
      status: state.status,
      balanceCents: state.balanceCents,
      paymentsMade: state.paymentsMade,
    };
    log.events.push(event);
    this.#stored++;
    this.#appended++;
    this.#countType(type);
    if (log.events.length > this.#maxPerLease) {
      log.events.shift();
      log.trimmed++;
      this.#stored--;
    }
    this.#evictBeyondTotal(leaseId);
    return event;
  }

  has(leaseId: string): boolean {
    return this.#logs.has(leaseId);
  }

  /** A lease's kept events, oldest first. */
  events(leaseId: string): readonly LedgerEvent[] | undefined {
    return this.#logs.get(leaseId)?.events;
  }

  /** How many of a lease's oldest events were trimmed. */
  trimmed(leaseId: string): number {
    return this.#logs.get(leaseId)?.trimmed ?? 0;
  }

  /** The lease's state at `atMs`: the last event at or before it. */
  stateAt(leaseId: string, atMs: number): StateAt | undefined {
    const log = this.#logs.get(leaseId);
    if (log === undefined) return undefined;
    if (atMs < log.createdAtMs) {
      return { kind: 'before-creation', createdAt: new Date(log.createdAtMs).toISOString() };
    }
    const events = log.events;
    // Events are appended in time order; scan from the newest (the usual question is "recently").
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i] as LedgerEvent;
      if (event.atMs <= atMs) return { kind: 'state', event };
    }
    return { kind: 'trimmed', earliestAt: (events[0] as LedgerEvent).at };
  }

  /** Each change of status, in order; the first kept event opens the timeline. */
  timeline(leaseId: string): Transition[] | undefined {
    const events = this.#logs.get(leaseId)?.events;
    if (events === undefined) return undefined;
    const out: Transition[] = [];
    let previous: LeaseStatus | null = null;
    for (const event of events) {
      if (event.status === previous) continue;
      out.push({ from: previous, to: event.status, at: event.at, eventId: event.id, type: event.type });
      previous = event.status;
    }
    return out;
  }

  drop(leaseId: string): void {
    const log = this.#logs.get(leaseId);
    if (log === undefined) return;
    this.#stored -= log.events.length;
    this.#logs.delete(leaseId);
  }

  metrics(): { leases: number; stored: number; appended: number; appendedByType: Record<string, number> } {
    return {
      leases: this.#logs.size,
      stored: this.#stored,
      appended: this.#appended,
      appendedByType: Object.fromEntries(this.#appendedByType),
    };
  }

  #countType(type: string): void {
    const key =
      this.#appendedByType.has(type) || this.#appendedByType.size < MAX_COUNTED_TYPES ? type : 'other';
    this.#appendedByType.set(key, (this.#appendedByType.get(key) ?? 0) + 1);
  }

  #evictBeyondTotal(keep: string): void {
    // Deleting the entry being visited is safe in a Map iteration.
    for (const leaseId of this.#logs.keys()) {
      if (this.#stored <= this.#maxEvents) return;
      if (leaseId === keep) continue;
      this.drop(leaseId);
      this.#onEvictLease(leaseId);
    }
  }
}

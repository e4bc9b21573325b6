/**
 * Budget monitoring with a circuit breaker (seed 001's P2-040): each account checks costs
 * against its budget; the check that would overspend trips the breaker, and from then on every
 * check is refused (503) until a reset, or until `coolDownMs` has passed when one is set, which
 * starts a fresh budget period. The refusal itself is cheap, which is what the seed measures
 * ("circuit breaker < 25 ms when triggered").
 *
 *   closed ──(spent + cost > limit)──▶ open ──(reset, or cool-down over)──▶ closed, spent = 0
 */

import { checkCapacity, setCapped } from './capped.js';

export interface BudgetStatus {
  account: string;
  limit: number;
  spent: number;
  remaining: number;
  state: 'closed' | 'open';
  /** How often the breaker has tripped. */
  trips: number;
  openedAt: string | null;
  /** When an open breaker closes by itself; null without a cool-down. */
  closesAt: string | null;
}

export type BudgetCheck =
  | { kind: 'allowed'; status: BudgetStatus }
  | { kind: 'refused'; status: BudgetStatus; retryAfterSeconds: number | null };

interface Account {
  limit: number;
  spent: number;
  openedAtMs: number | null;
  trips: number;
}

export const DEFAULT_BUDGET_ACCOUNTS = 10_000;

export class BudgetBreakers {
  readonly #accounts = new Map<string, Account>();
  readonly #defaultLimit: number;
  readonly #coolDownMs: number;
  readonly #now: () => number;
  readonly #capacity: number;

  constructor(
    defaultLimit: number,
    coolDownMs: number,
    now: () => number = Date.now,
    capacity = DEFAULT_BUDGET_ACCOUNTS,
  ) {
    this.#defaultLimit = defaultLimit;
    this.#coolDownMs = coolDownMs;
    this.#now = now;
    this.#capacity = checkCapacity('budget account', capacity);
  }

  check(name: string, cost: number): BudgetCheck {
    const nowMs = this.#now();
    const account = this.#account(name, nowMs);
    if (account.openedAtMs === null && account.spent + cost > account.limit) {
      account.openedAtMs = nowMs;
      account.trips++;
    }
    if (account.openedAtMs !== null) {
      const retryAfterSeconds =
        this.#coolDownMs > 0
          ? Math.max(1, Math.ceil((account.openedAtMs + this.#coolDownMs - nowMs) / 1000))
          : null;
      return { kind: 'refused', status: this.#status(name, account), retryAfterSeconds };
    }
    account.spent += cost;
    return { kind: 'allowed', status: this.#status(name, account) };
  }

  status(name: string): BudgetStatus {
    const account = this.#accounts.get(name);
    if (account === undefined) return this.#status(name, this.#fresh(this.#defaultLimit));
    return this.#status(name, this.#closeIfCooled(account, this.#now()));
  }

  /** Closes the breaker and starts a new period, optionally with a new limit. */
  reset(name: string, limit?: number): BudgetStatus {
    const previous = this.#accounts.get(name);
    const account = this.#fresh(limit ?? previous?.limit ?? this.#defaultLimit);
    account.trips = previous?.trips ?? 0;
    setCapped(this.#accounts, name, account, this.#capacity);
    return this.#status(name, account);
  }

  #account(name: string, nowMs: number): Account {
    let account = this.#accounts.get(name);
    if (account === undefined) {
      account = this.#fresh(this.#defaultLimit);
      setCapped(this.#accounts, name, account, this.#capacity);
    }
    return this.#closeIfCooled(account, nowMs);
  }

  #closeIfCooled(account: Account, nowMs: number): Account {
    if (
      account.openedAtMs !== null &&
      this.#coolDownMs > 0 &&
      nowMs >= account.openedAtMs + this.#coolDownMs
    ) {
      account.openedAtMs = null;
      account.spent = 0;
    }
    return account;
  }

  #fresh(limit: number): Account {
    return { limit, spent: 0, openedAtMs: null, trips: 0 };
  }

  #status(name: string, account: Account): BudgetStatus {
    const open = account.openedAtMs;
    return {
      account: name,
      limit: account.limit,
      spent: round2(account.spent),
      remaining: round2(Math.max(0, account.limit - account.spent)),
      state: open === null ? 'closed' : 'open',
      trips: account.trips,
      openedAt: open === null ? null : new Date(open).toISOString(),
      closesAt:
        open === null || this.#coolDownMs === 0 ? null : new Date(open + this.#coolDownMs).toISOString(),
    };
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Accounts and sessions behind `/api/auth/*` and `/api/me`. Load tests register a fresh user
 * per virtual user, so both maps are capped (oldest evicted first) to keep memory bounded over
 * long runs. Passwords are stored as a salted SHA-256: not plain text, but deliberately not a
 * slow KDF, because the demo must stay cheaper than the load generator measuring it.
 * Seeded accounts (`seller` / `pw`, the README's scenario) exist from the start and are kept
 * apart from the capped map, so no number of registrations can evict them.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEFAULT_ACCOUNT_CAPACITY = 100_000;

/** Accounts every demo service knows, so a scenario can log in without registering first. */
export const SEEDED_ACCOUNTS: readonly { username: string; password: string }[] = Object.freeze([
  { username: 'seller', password: 'pw' },
]);

interface Account {
  salt: Buffer;
  hash: Buffer;
}

export class AccountStore {
  readonly #accounts = new Map<string, Account>();
  /** Never evicted: see SEEDED_ACCOUNTS. */
  readonly #seeded = new Map<string, Account>();
  /** token → username. */
  readonly #sessions = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = DEFAULT_ACCOUNT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`account store capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  /** Adds an account that the capacity never evicts; false when the username is taken. */
  seed(username: string, password: string): boolean {
    if (this.#accounts.has(username) || this.#seeded.has(username)) return false;
    const salt = randomBytes(16);
    this.#seeded.set(username, { salt, hash: hashPassword(salt, password) });
    return true;
  }

  /** False when the username is taken. */
  register(username: string, password: string): boolean {
    if (this.#accounts.has(username) || this.#seeded.has(username)) return false;
    const salt = randomBytes(16);
    this.#accounts.set(username, { salt, hash: hashPassword(salt, password) });
    evictOldest(this.#accounts, this.#capacity);
    return true;
  }

  /** A new session token, or undefined when the credentials are wrong. */
  login(username: string, password: string): string | undefined {
    const account = this.#seeded.get(username) ?? this.#accounts.get(username);
    if (account === undefined) return undefined;
    if (!timingSafeEqual(account.hash, hashPassword(account.salt, password))) return undefined;
    const token = randomBytes(24).toString('base64url');
    this.#sessions.set(token, username);
    evictOldest(this.#sessions, this.#capacity);
    return token;
  }

  /** The username a session token belongs to. */
  whoIs(token: string): string | undefined {
    return this.#sessions.get(token);
  }
}

function hashPassword(salt: Buffer, password: string): Buffer {
  return createHash('sha256').update(salt).update(password).digest();
}

function evictOldest<K, V>(map: Map<K, V>, capacity: number): void {
  if (map.size <= capacity) return;
  const oldest = map.keys().next();
  if (oldest.done !== true) map.delete(oldest.value);
}

/**
 * The per-user upload rate limit of seed 004 (10 uploads per hour by default): a sliding log
 * of each user's recent upload times. An upload is allowed while fewer than `perWindow` fall in
 * the last `windowMs`; otherwise the answer says how long until the oldest leaves the window,
 * which is the `Retry-After` a well-behaved client waits.
 *
 * The slot is taken when the upload starts, not when its body has arrived, so concurrent
 * uploads cannot overshoot the limit. Users are capped like every demo store.
 */

import { checkCapacity, setCapped } from './capped.js';

export type UploadPermit =
  | { ok: true; limit: number; remaining: number }
  | { ok: false; limit: number; retryAfterSeconds: number };

export const DEFAULT_LIMITER_USERS = 100_000;

export class UploadLimiter {
  readonly #log = new Map<string, number[]>();
  readonly #perWindow: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #users: number;

  constructor(
    perWindow: number,
    windowMs: number,
    now: () => number = Date.now,
    users = DEFAULT_LIMITER_USERS,
  ) {
    this.#perWindow = checkCapacity('upload limit', perWindow);
    this.#windowMs = windowMs;
    this.#now = now;
    this.#users = checkCapacity('upload limiter user', users);
  }

  /** Takes a slot for `user` if one is free. */
  take(user: string): UploadPermit {
    const now = this.#now();
    let times = this.#log.get(user);
    if (times === undefined) {
      times = [];
      setCapped(this.#log, user, times, this.#users);
    }
    const cutoff = now - this.#windowMs;
    let expired = 0;
    while (expired < times.length && (times[expired] as number) <= cutoff) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length >= this.#perWindow) {
      const freesAt = (times[0] as number) + this.#windowMs;
      return {
        ok: false,
        limit: this.#perWindow,
        retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
      };
    }
    times.push(now);
    return { ok: true, limit: this.#perWindow, remaining: this.#perWindow - times.length };
  }
}

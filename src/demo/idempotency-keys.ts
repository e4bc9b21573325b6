/**
 * Idempotency keys as payment APIs keep them: a key remembers the resource it created and a
 * fingerprint of the request. The same key with the same request replays that resource; with a
 * different request it is a conflict, never a silent second resource. A key whose resource was
 * evicted from its store is free again. Capped, oldest first.
 */

import { checkCapacity, setCapped } from './capped.js';

export type KeyLookup = { kind: 'new' } | { kind: 'replay' | 'conflict'; id: string };

export class IdempotencyKeys {
  readonly #keys = new Map<string, { id: string; fingerprint: string }>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = checkCapacity('idempotency key', capacity);
  }

  lookup(key: string, fingerprint: string, exists: (id: string) => boolean): KeyLookup {
    const seen = this.#keys.get(key);
    if (seen === undefined || !exists(seen.id)) return { kind: 'new' };
    return { kind: seen.fingerprint === fingerprint ? 'replay' : 'conflict', id: seen.id };
  }

  remember(key: string, id: string, fingerprint: string): void {
    setCapped(this.#keys, key, { id, fingerprint }, this.#capacity);
  }
}

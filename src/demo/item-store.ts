/**
 * The in-memory store behind `/api/items`. Capped: once it holds `capacity` items, each insert
 * evicts the oldest, so a long load test that creates items for hours uses bounded memory.
 * A Map keeps insertion order, which makes "oldest" its first key.
 */

export interface Item {
  id: string;
  name: string;
  price: number;
  /** ISO time of creation. */
  createdAt: string;
}

export const DEFAULT_ITEM_CAPACITY = 10_000;

export class ItemStore {
  readonly #items = new Map<string, Item>();
  readonly #capacity: number;
  #nextId = 1;

  constructor(capacity = DEFAULT_ITEM_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`item store capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#items.size;
  }

  create(name: string, price: number, now: Date = new Date()): Item {
    const item: Item = { id: `itm_${this.#nextId++}`, name, price, createdAt: now.toISOString() };
    this.#items.set(item.id, item);
    if (this.#items.size > this.#capacity) {
      const oldest = this.#items.keys().next();
      if (oldest.done !== true) this.#items.delete(oldest.value);
    }
    return item;
  }

  get(id: string): Item | undefined {
    return this.#items.get(id);
  }

  /** Replaces name and price; the item keeps its id, creation time and age for eviction. */
  update(id: string, name: string, price: number): Item | undefined {
    const existing = this.#items.get(id);
    if (existing === undefined) return undefined;
    const item: Item = { ...existing, name, price };
    this.#items.set(id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.#items.delete(id);
  }

  /** The oldest `limit` items, in creation order. */
  list(limit: number): Item[] {
    const out: Item[] = [];
    if (limit <= 0) return out;
    for (const item of this.#items.values()) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/**
 * Bounded collections for the demo's in-memory stores. A load test may create leases, sessions
 * or audit records for hours; every store keeps at most a fixed number and drops the oldest
 * first, so the demo's memory stays flat however long the run. A Map keeps insertion order,
 * which makes "oldest" its first key and eviction O(1).
 */

/** Sets `key` and evicts the oldest entries until the map holds at most `capacity`. */
export function setCapped<K, V>(
  map: Map<K, V>,
  key: K,
  value: V,
  capacity: number,
  onEvict?: (key: K, value: V) => void,
): void {
  map.set(key, value);
  while (map.size > capacity) {
    const oldest = map.entries().next();
    if (oldest.done === true) return;
    map.delete(oldest.value[0]);
    onEvict?.(oldest.value[0], oldest.value[1]);
  }
}

/** Appends to a per-owner list of ids, dropping the oldest beyond `capacity` (kept small). */
export function pushCapped<T>(list: T[], value: T, capacity: number): void {
  list.push(value);
  if (list.length > capacity) list.shift();
}

/** Validates a store's capacity argument. */
export function checkCapacity(name: string, capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`${name} capacity must be a positive integer, got ${capacity}`);
  }
  return capacity;
}

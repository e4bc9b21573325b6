/**
 * The request rate over the last second, for the demo's "degrade past N requests/s" mode.
 *
 * A ring of 100 buckets of 10 ms each; `hit(now)` clears the buckets time has moved past,
 * counts the request and returns the total of the window, all in O(1) amortized with no
 * allocation, since it runs on every request while degrade mode is on.
 *
 *   buckets:  [ ... | b(now-20ms) | b(now-10ms) | b(now) ]   sum = requests in (now - 1 s, now]
 */

const BUCKET_MS = 10;
const BUCKETS = 100;

export class SlidingRate {
  readonly #counts = new Uint32Array(BUCKETS);
  /** Absolute index (time / BUCKET_MS) of the newest bucket; -Infinity before the first hit. */
  #head = Number.NEGATIVE_INFINITY;
  #sum = 0;

  /** Counts one request at `nowMs` (monotonic) and returns the requests of the last second. */
  hit(nowMs: number): number {
    const index = Math.floor(nowMs / BUCKET_MS);
    this.#advance(index);
    // A clock that stepped back counts into the newest bucket.
    const slot = Math.max(index, this.#head) % BUCKETS;
    this.#counts[slot] = (this.#counts[slot] as number) + 1;
    this.#sum++;
    return this.#sum;
  }

  /** Requests of the last second as of `nowMs`, without counting one. */
  rate(nowMs: number): number {
    this.#advance(Math.floor(nowMs / BUCKET_MS));
    return this.#sum;
  }

  #advance(index: number): void {
    if (index <= this.#head) return;
    if (index - this.#head >= BUCKETS) {
      this.#counts.fill(0);
      this.#sum = 0;
    } else {
      for (let i = this.#head + 1; i <= index; i++) {
        const slot = i % BUCKETS;
        this.#sum -= this.#counts[slot] as number;
        this.#counts[slot] = 0;
      }
    }
    this.#head = index;
  }
}

/**
 * The queueing-like delay of degrade mode: nothing up to `capacityRps`, then
 * `(rate - capacity) / capacity × slopeMs`, so twice the capacity costs `slopeMs` per request
 * and a capacity search that watches p95 finds the knee at `capacityRps`.
 */
export function degradeDelayMs(rate: number, capacityRps: number, slopeMs: number): number {
  if (rate <= capacityRps) return 0;
  return ((rate - capacityRps) / capacityRps) * slopeMs;
}

/**
 * The one seeded PRNG (sfc32: 128-bit state, passes PractRand, 32-bit integer arithmetic only).
 * One per virtual user, so task choice and wait times are reproducible with `--seed` and cost a
 * few integer operations per draw with no allocation; the bootstrap of `volley compare` and the
 * demo's injected jitter draw from it too, so a seed means the same stream everywhere. Not for
 * secrets.
 */

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [min, max]. */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
}

/** Floats in [0, 1), as a plain function for code that takes `() => number`. */
export type RandomSource = () => number;

/** A RandomSource determined entirely by `seed` (taken as a 32-bit integer). */
export function seededRandom(seed: number): RandomSource {
  const random = new Random(seed);
  return () => random.next();
}

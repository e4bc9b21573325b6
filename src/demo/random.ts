/**
 * A seeded random source (mulberry32) for the demo's injected latency jitter and failures, so a
 * test or example that passes a seed sees the same sequence every run. Not for secrets.
 */

export type RandomSource = () => number;

/** Returns a generator of floats in [0, 1) determined entirely by `seed` (taken as a 32-bit integer). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

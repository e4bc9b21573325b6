/**
 * The seeded random source of the bootstrap, so `volley compare` on the same two files always
 * prints the same verdicts: uniforms from core's PRNG and, on top, standard normals (Marsaglia's
 * polar method), gamma variates (Marsaglia–Tsang) and beta variates, which the order-statistic
 * bootstrap in `bootstrap.ts` draws instead of whole samples.
 */

import { Random as Uniform } from '../core/random.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  normal(): number;
  /** Gamma(shape, 1), shape > 0. */
  gamma(shape: number): number;
  /** Beta(a, b), a > 0, b > 0. */
  beta(a: number, b: number): number;
}

/** FNV-1a of a text, mixed with a seed: one independent stream per row, whatever the row order. */
export function seedFor(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: number): Random {
  const uniform = new Uniform(seed);
  const next = (): number => uniform.next();

  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s === 0 || s >= 1) continue;
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * factor;
      return u * factor;
    }
  };

  const gamma = (shape: number): number => {
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia–Tsang's boost for small shapes).
      const u = 1 - next();
      return gamma(shape + 1) * u ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const base = 1 + c * x;
      if (base <= 0) continue;
      const v = base * base * base;
      const u = 1 - next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  };

  const beta = (alpha: number, betaShape: number): number => {
    const x = gamma(alpha);
    const y = gamma(betaShape);
    return x / (x + y);
  };

  return { next, normal, gamma, beta };
}

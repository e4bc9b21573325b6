/**
 * Deterministic cost histories for the cost agent demo: a load test posts `{ accountId }` to
 * `/analyze` instead of shipping thousands of records, and the same id always yields the same
 * history, so responses (and the work behind them) are repeatable.
 */

import { type CostRecord, round } from './cost-analysis.js';
import { seededRandom } from '../core/random.js';

const SYNTHETIC_SERVICES: readonly [string, number][] = [
  ['compute', 120],
  ['storage', 40],
  ['database', 75],
  ['network', 18],
];

/**
 * `days` of daily costs per service for an account, ending the day before `endMs`: a base cost,
 * 30 % lower at weekends, a per-account drift, ±10 % noise and a 3× spike on about 2 % of days.
 */
export function syntheticCosts(accountId: string, days: number, endMs: number): CostRecord[] {
  const random = seededRandom(hash(accountId));
  const end = Math.floor(endMs / 86_400_000);
  const records: CostRecord[] = [];
  // Formatting dates is the slow part: once per day, shared by the services.
  const dates = Array.from({ length: days }, (_, i) =>
    new Date((end - days + i) * 86_400_000).toISOString().slice(0, 10),
  );
  for (const [service, base] of SYNTHETIC_SERVICES) {
    const drift = (random() - 0.3) * 0.01;
    for (let d = days; d >= 1; d--) {
      const day = end - d;
      // Day 0 of the epoch was a Thursday: (day + 4) % 7 is 0 on Sundays.
      const weekday = (day + 4) % 7;
      const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1;
      const spike = random() < 0.02 ? 3 : 1;
      const cost = base * weekly * spike * (1 + drift * (days - d)) * (0.9 + random() * 0.2);
      records.push({ service, date: dates[days - d] as string, cost: round(cost, 2) });
    }
  }
  return records;
}

/** FNV-1a, 32-bit. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The cost agent's recommendations (seed 003): derived from an analysis by a few plain rules,
 * stored (capped) so `GET /recommendations/{id}` and the list have something real to read, and
 * applied once (`POST /recommendations/{id}/apply`, the seed's "execution" step).
 *
 * Rules, per service:
 * - anomalies → `investigate-anomaly`, saving what the spikes cost above the median;
 * - steady spend (coefficient of variation < 0.25) → `reserved-capacity`, saving 30 % of a
 *   month of the mean (a commitment discount);
 * - rising spend (trend > 0.5 % of the mean per day) → `rightsize`, saving 15 % of the forecast.
 */

import { checkCapacity, setCapped } from './capped.js';
import { round, type ServiceAnalysis } from './cost-analysis.js';

export const RECOMMENDATION_TYPES = ['investigate-anomaly', 'reserved-capacity', 'rightsize'] as const;
export type RecommendationType = (typeof RECOMMENDATION_TYPES)[number];
export const RECOMMENDATION_STATUSES = ['open', 'applied'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export interface Recommendation {
  id: string;
  analysisId: string;
  accountId: string;
  service: string;
  type: RecommendationType;
  title: string;
  estimatedMonthlySavings: number;
  status: RecommendationStatus;
  createdAt: string;
  appliedAt: string | null;
}

export interface RecommendationFilter {
  accountId?: string | undefined;
  service?: string | undefined;
  type?: RecommendationType | undefined;
  status?: RecommendationStatus | undefined;
}

export type ApplyResult =
  | { kind: 'applied'; recommendation: Recommendation }
  | { kind: 'not-found' }
  | { kind: 'already-applied'; recommendation: Recommendation };

export const DEFAULT_RECOMMENDATION_CAPACITY = 20_000;

export class RecommendationStore {
  readonly #items = new Map<string, Recommendation>();
  readonly #capacity: number;
  readonly #now: () => number;
  #nextRecommendation = 1;
  #nextAnalysis = 1;

  constructor(now: () => number = Date.now, capacity = DEFAULT_RECOMMENDATION_CAPACITY) {
    this.#now = now;
    this.#capacity = checkCapacity('recommendation store', capacity);
  }

  /** A fresh analysis id. */
  nextAnalysisId(): string {
    return `ana_${this.#nextAnalysis++}`;
  }

  /** Derives, stores and returns the recommendations of one analysis. */
  derive(analysisId: string, accountId: string, services: readonly ServiceAnalysis[]): Recommendation[] {
    const createdAt = new Date(this.#now()).toISOString();
    const out: Recommendation[] = [];
    const add = (service: string, type: RecommendationType, title: string, savings: number): void => {
      const rec: Recommendation = {
        id: `rec_${this.#nextRecommendation++}`,
        analysisId,
        accountId,
        service,
        type,
        title,
        estimatedMonthlySavings: round(savings, 2),
        status: 'open',
        createdAt,
        appliedAt: null,
      };
      setCapped(this.#items, rec.id, rec, this.#capacity);
      out.push(rec);
    };
    for (const s of services) {
      if (s.anomalies.length > 0) {
        const excess = s.anomalies.reduce((total, a) => total + Math.max(0, a.cost - s.median), 0);
        add(
          s.service,
          'investigate-anomaly',
          `Investigate ${s.anomalies.length} cost spike(s) in ${s.service}`,
          excess,
        );
      }
      if (s.mean > 0 && s.stdev / s.mean < 0.25) {
        add(
          s.service,
          'reserved-capacity',
          `Commit to reserved capacity for ${s.service}`,
          0.3 * s.mean * 30,
        );
      }
      if (s.mean > 0 && s.trendPerDay > 0.005 * s.mean) {
        add(s.service, 'rightsize', `Rightsize ${s.service}: spend is rising`, 0.15 * s.forecast);
      }
    }
    return out;
  }

  get(id: string): Recommendation | undefined {
    return this.#items.get(id);
  }

  /** Newest first, after filters. */
  list(filter: RecommendationFilter, limit: number): { recommendations: Recommendation[]; total: number } {
    const matches: Recommendation[] = [];
    for (const rec of this.#items.values()) {
      if (filter.accountId !== undefined && rec.accountId !== filter.accountId) continue;
      if (filter.service !== undefined && rec.service !== filter.service) continue;
      if (filter.type !== undefined && rec.type !== filter.type) continue;
      if (filter.status !== undefined && rec.status !== filter.status) continue;
      matches.push(rec);
    }
    const recommendations = limit <= 0 ? [] : matches.slice(-limit).reverse();
    return { recommendations, total: matches.length };
  }

  apply(id: string): ApplyResult {
    const recommendation = this.#items.get(id);
    if (recommendation === undefined) return { kind: 'not-found' };
    if (recommendation.status === 'applied') return { kind: 'already-applied', recommendation };
    recommendation.status = 'applied';
    recommendation.appliedAt = new Date(this.#now()).toISOString();
    return { kind: 'applied', recommendation };
  }
}

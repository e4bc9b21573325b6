/**
 * Seed 003's cost agent: `POST /analyze` (anomalies, trend and a fitted forecast per service,
 * plus recommendations; real CPU work per call, see cost-analysis.ts), `POST /recommendations`
 * (the same analysis, answering only the recommendations), `GET /recommendations` (filters),
 * `GET /recommendations/{id}` and `POST /recommendations/{id}/apply` (the seed's "execution").
 *
 * A body either carries `records` (`[{ service, date, cost }]`) or just an `accountId`, whose
 * deterministic synthetic history (synthetic-costs.ts) is analysed instead.
 */

import { analyzeCosts, type CostRecord, MAX_RECORDS } from '../cost-analysis.js';
import { type BodyFields, QueryFields, readFields } from '../fields.js';
import type { DemoRouter, RequestContext } from '../handler.js';
import { sendError, sendJson } from '../http-io.js';
import {
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_TYPES,
  type Recommendation,
  type RecommendationStore,
} from '../recommendation-store.js';
import { syntheticCosts } from '../synthetic-costs.js';

const DATE = /^\d{4}-\d\d-\d\d$/;
/** Problems listed per bad `records` array; more would only bloat the 400. */
const MAX_RECORD_PROBLEMS = 10;

interface AnalysisRequest {
  accountId: string;
  records: CostRecord[] | undefined;
  days: number;
  horizonDays: number;
}

export function registerCostAgentRoutes(
  router: DemoRouter,
  store: RecommendationStore,
  now: () => number,
): void {
  router
    .add('POST', '/analyze', async (ctx) => {
      const result = await analyze(ctx, store, now);
      if (result !== undefined) sendJson(ctx.res, 200, result);
    })
    .add('POST', '/recommendations', async (ctx) => {
      const result = await analyze(ctx, store, now);
      if (result === undefined) return;
      const { analysisId, accountId, recommendations } = result;
      sendJson(ctx.res, 201, { analysisId, accountId, recommendations });
    })
    .add('GET', '/recommendations', ({ res, query }) => {
      const q = new QueryFields(query);
      const filter = {
        accountId: q.string('accountId', 100),
        service: q.string('service', 50),
        type: q.oneOf('type', RECOMMENDATION_TYPES),
        status: q.oneOf('status', RECOMMENDATION_STATUSES),
      };
      const limit = q.limit(20, 100);
      if (q.reject(res, 'invalid query')) return;
      sendJson(res, 200, store.list(filter, limit));
    })
    .add('GET', '/recommendations/:id', ({ res, params }) => {
      const rec = store.get(params.id as string);
      if (rec === undefined) notFound(res, params.id);
      else sendJson(res, 200, rec);
    })
    .add('POST', '/recommendations/:id/apply', ({ res, params }) => {
      const result = store.apply(params.id as string);
      if (result.kind === 'not-found') notFound(res, params.id);
      else if (result.kind === 'already-applied') {
        sendError(
          res,
          409,
          `recommendation ${params.id ?? ''} was already applied at ${result.recommendation.appliedAt ?? ''}`,
        );
      } else sendJson(res, 200, result.recommendation);
    });
}

async function analyze(
  ctx: RequestContext,
  store: RecommendationStore,
  now: () => number,
): Promise<
  | {
      analysisId: string;
      accountId: string;
      services: ReturnType<typeof analyzeCosts>;
      recommendations: Recommendation[];
    }
  | undefined
> {
  const fields = await readFields(ctx.req, ctx.res);
  if (fields === undefined) return undefined;
  const request = readAnalysisRequest(fields);
  if (fields.reject(ctx.res, 'invalid analysis request')) return undefined;
  const records = request.records ?? syntheticCosts(request.accountId, request.days, now());
  const services = analyzeCosts(records, request.horizonDays);
  const analysisId = store.nextAnalysisId();
  const recommendations = store.derive(analysisId, request.accountId, services);
  return { analysisId, accountId: request.accountId, services, recommendations };
}

export function readAnalysisRequest(fields: BodyFields): AnalysisRequest {
  const accountId = fields.optionalString('accountId', { max: 100 }) ?? 'demo';
  const days = fields.optionalInteger('days', { min: 7, max: 365 }) ?? 90;
  const horizonDays = fields.optionalInteger('horizonDays', { min: 1, max: 90 }) ?? 30;
  return { accountId, records: readRecords(fields), days, horizonDays };
}

function readRecords(fields: BodyFields): CostRecord[] | undefined {
  const raw = fields.raw('records');
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_RECORDS) {
    fields.details.push(`records: must be an array of 1 to ${MAX_RECORDS} cost records`);
    return undefined;
  }
  const records: CostRecord[] = [];
  let problems = 0;
  raw.forEach((item: unknown, i) => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const ok =
      typeof r.service === 'string' &&
      r.service.length >= 1 &&
      r.service.length <= 50 &&
      typeof r.date === 'string' &&
      DATE.test(r.date) &&
      typeof r.cost === 'number' &&
      Number.isFinite(r.cost) &&
      r.cost >= 0;
    if (ok) records.push({ service: r.service as string, date: r.date as string, cost: r.cost as number });
    else if (problems++ < MAX_RECORD_PROBLEMS) {
      fields.details.push(
        `records[${i}]: must be { service: 1-50 chars, date: YYYY-MM-DD, cost: number >= 0 }`,
      );
    }
  });
  return records;
}

function notFound(res: RequestContext['res'], id: string | undefined): void {
  sendError(res, 404, `recommendation ${id ?? ''} not found`);
}

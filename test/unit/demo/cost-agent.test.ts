import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCosts, type CostRecord, fitHolt, quantile, slope } from '../../../src/demo/cost-analysis.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import type { Recommendation } from '../../../src/demo/recommendation-store.js';
import { syntheticCosts } from '../../../src/demo/synthetic-costs.js';
import { call } from './demo-client.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

const day = (i: number): string => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

/**
 * `api`: 100 and 110 on alternate days for 30 days, with a 400 spike on day 15 (median 105,
 * MAD 5, so the spike's robust z is 0.6745 × 295 / 5 = 39.7955). `db`: 10, 12, … 48 over 20
 * days, a straight line that Holt's method fits exactly. The `db` cost of day 0 arrives in two
 * records that must be summed.
 */
const RECORDS: CostRecord[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    service: 'api',
    date: day(i),
    cost: i === 15 ? 400 : i % 2 === 0 ? 100 : 110,
  })),
  { service: 'db', date: day(0), cost: 4 },
  { service: 'db', date: day(0), cost: 6 },
  ...Array.from({ length: 19 }, (_, i) => ({ service: 'db', date: day(i + 1), cost: 12 + 2 * i })),
];

describe('POST /analyze', () => {
  it('finds anomalies, trends and a forecast per service, and derives recommendations', async () => {
    const res = await call<{
      analysisId: string;
      accountId: string;
      services: unknown[];
      recommendations: Recommendation[];
    }>(demo, 'POST', '/analyze', { json: { accountId: 'acme', records: RECORDS, horizonDays: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.analysisId).toMatch(/^ana_\d+$/);
    expect(res.body.services).toEqual([
      {
        service: 'api',
        days: 30,
        total: 3440,
        mean: 114.67,
        stdev: expect.any(Number),
        median: 105,
        trendPerDay: 0.0979,
        anomalies: [{ date: day(15), cost: 400, zScore: 39.796 }],
        smoothing: expect.any(Object),
        forecast: expect.any(Number),
      },
      {
        service: 'db',
        days: 20,
        total: 580,
        mean: 29,
        stdev: expect.any(Number),
        median: 29,
        trendPerDay: 2,
        anomalies: [],
        // Every grid point fits a line perfectly (up to float noise, which picks the winner);
        // the forecast continues it: Σ h=1..30 of (48 + 2h) = 1440 + 930.
        smoothing: { alpha: expect.any(Number), beta: expect.any(Number), rmse: 0 },
        forecast: 2370,
      },
    ]);
    expect(res.body.recommendations.map((r) => [r.service, r.type, r.estimatedMonthlySavings])).toEqual([
      ['api', 'investigate-anomaly', 295],
      ['db', 'rightsize', 355.5],
    ]);
    expect(res.body.recommendations[0]).toMatchObject({
      analysisId: res.body.analysisId,
      accountId: 'acme',
      status: 'open',
    });
  });

  it('analyses the synthetic history of an account when no records are given, deterministically', async () => {
    const first = await call<{ services: { service: string }[] }>(demo, 'POST', '/analyze', {
      json: { accountId: 'globex', days: 30 },
    });
    const second = await call<{ services: unknown[] }>(demo, 'POST', '/analyze', {
      json: { accountId: 'globex', days: 30 },
    });
    expect(first.status).toBe(200);
    expect(first.body.services.map((s) => s.service)).toEqual(['compute', 'storage', 'database', 'network']);
    expect(second.body.services).toEqual(first.body.services);
    const records = syntheticCosts('globex', 30, Date.UTC(2024, 5, 1));
    expect(records).toHaveLength(120);
    expect(records[0]?.date).toBe('2024-05-02');
    expect(records[29]?.date).toBe('2024-05-31');
    expect(syntheticCosts('globex', 30, Date.UTC(2024, 5, 1))).toEqual(records);
    expect(syntheticCosts('initech', 30, Date.UTC(2024, 5, 1))).not.toEqual(records);
  });

  it('validates the request', async () => {
    const bad = await call(demo, 'POST', '/analyze', {
      json: {
        days: 3,
        records: [
          { service: 'a', date: '2024-1-1', cost: 1 },
          { service: 'b', date: '2024-01-01', cost: -1 },
          'x',
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: 'invalid analysis request',
      details: [
        'days: must be an integer from 7 to 365',
        'records[0]: must be { service: 1-50 chars, date: YYYY-MM-DD, cost: number >= 0 }',
        'records[1]: must be { service: 1-50 chars, date: YYYY-MM-DD, cost: number >= 0 }',
        'records[2]: must be { service: 1-50 chars, date: YYYY-MM-DD, cost: number >= 0 }',
      ],
    });
    const empty = await call(demo, 'POST', '/analyze', { json: { records: [] } });
    expect(empty.body).toEqual({
      error: 'invalid analysis request',
      details: ['records: must be an array of 1 to 5000 cost records'],
    });
  });
});

describe('/recommendations', () => {
  it('creates, lists, reads and applies recommendations', async () => {
    const local = await startDemoServer();
    try {
      const created = await call<{ recommendations: Recommendation[] }>(local, 'POST', '/recommendations', {
        json: { accountId: 'acme', records: RECORDS },
      });
      expect(created.status).toBe(201);
      const [anomaly, rightsize] = created.body.recommendations as [Recommendation, Recommendation];
      const list = await call<{ recommendations: Recommendation[]; total: number }>(
        local,
        'GET',
        '/recommendations?accountId=acme',
      );
      expect(list.body.total).toBe(2);
      expect(list.body.recommendations.map((r) => r.id)).toEqual([rightsize.id, anomaly.id]);
      expect(
        (await call<{ total: number }>(local, 'GET', '/recommendations?type=rightsize')).body.total,
      ).toBe(1);
      expect((await call(local, 'GET', `/recommendations/${anomaly.id}`)).body).toEqual(anomaly);

      const applied = await call<Recommendation>(local, 'POST', `/recommendations/${anomaly.id}/apply`);
      expect(applied.status).toBe(200);
      expect(applied.body.status).toBe('applied');
      expect(applied.body.appliedAt).toMatch(/^\d{4}-/);
      expect((await call(local, 'POST', `/recommendations/${anomaly.id}/apply`)).status).toBe(409);
      expect((await call<{ total: number }>(local, 'GET', '/recommendations?status=open')).body.total).toBe(
        1,
      );
      expect((await call(local, 'GET', '/recommendations/rec_999')).status).toBe(404);
      expect((await call(local, 'POST', '/recommendations/rec_999/apply')).status).toBe(404);
      expect((await call(local, 'GET', '/recommendations?type=magic')).status).toBe(400);
    } finally {
      await local.close();
    }
  });
});

describe('cost analysis helpers', () => {
  it('computes quantiles, slopes and a Holt fit', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.5)).toBe(5);
    expect(slope([1, 3, 5, 7])).toBe(2);
    expect(slope([4])).toBe(0);
    expect(fitHolt([1, 2])).toMatchObject({ level: 2, trend: 0 });
    const noisy = fitHolt([10, 12, 11, 13, 12, 14, 13, 15]);
    expect(noisy.rmse).toBeGreaterThan(0);
    expect(noisy.alpha).toBeGreaterThanOrEqual(0.05);
    expect(analyzeCosts([], 30)).toEqual([]);
  });
});

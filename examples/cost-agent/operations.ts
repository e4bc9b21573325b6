/**
 * The Cost Agent's operations (seed 003's "Throughput Targets" table), as tasks the example's
 * scenarios share. Each request has a stable stats name, so thresholds can select it:
 *
 * | operation | request | stats name |
 * | cost collection | `POST /analyze` with a provider's billing export | `collect costs (aws)` … |
 * | analysis | `POST /analyze` with an account's 90-day history | `/analyze` |
 * | recommendations | `POST /recommendations` | `/recommendations` |
 * |   (reading one) | `GET /recommendations/{id}` | `/recommendations/[id]` |
 * | execution | `POST /recommendations/{id}/apply` | `/recommendations/[id]/apply` |
 */

import type { VuContext } from 'volley';

export const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** What a user remembers between tasks: recommendations it may read and apply. */
export interface AgentState {
  /** Recommendations not applied yet, newest last. */
  open?: string[];
}

type Vu = VuContext<AgentState>;

const SERVICES = ['compute', 'storage', 'database'];
const EXPORT_DAYS = 14;

/**
 * Two weeks of a provider's billing export, one record per service per day: fixed per provider,
 * so every collection request does the same work.
 */
const EXPORTS: Record<Provider, { service: string; date: string; cost: number }[]> = {
  aws: billingExport(1.0),
  gcp: billingExport(0.8),
  azure: billingExport(0.9),
};

function billingExport(scale: number): { service: string; date: string; cost: number }[] {
  const start = Date.UTC(2025, 0, 1);
  return SERVICES.flatMap((service, s) =>
    Array.from({ length: EXPORT_DAYS }, (_, d) => ({
      service,
      date: new Date(start + d * 86_400_000).toISOString().slice(0, 10),
      cost: Math.round(scale * (100 + 40 * s + 7 * ((d * 5 + s) % 9)) * 100) / 100,
    })),
  );
}

/** One of fifty accounts per user id: the demo derives each account's history from its id. */
const account = (vu: Vu): string => `acct-${vu.id % 50}`;

/**
 * What an analysis costs to serve, as a trend: the agent is metered per service-day it analyses
 * (an illustrative price, as a metered analytics API would bill it), so a collection of two weeks
 * costs less than a 90-day analysis. Every scenario that runs these operations declares it.
 */
export const COST_METRICS = { cost_usd: 'trend' } as const;
export const PRICE_PER_SERVICE_DAY_USD = 0.00005;

function recordCost(vu: Vu, body: unknown): void {
  const services = (body as { services?: { days?: unknown }[] } | null)?.services;
  if (!Array.isArray(services)) return;
  let serviceDays = 0;
  for (const service of services) serviceDays += typeof service.days === 'number' ? service.days : 0;
  vu.metric('cost_usd').add(serviceDays * PRICE_PER_SERVICE_DAY_USD);
}

export async function collectCosts(vu: Vu, provider: Provider): Promise<void> {
  const res = await vu.http.post('/analyze', {
    name: `collect costs (${provider})`,
    json: { accountId: `${provider}-${account(vu)}`, records: EXPORTS[provider], horizonDays: 7 },
  });
  vu.check(res, { 'collection analysed every service': (r) => servicesOf(r.json()) === SERVICES.length });
  if (res.ok) recordCost(vu, res.json());
}

export async function analyze(vu: Vu): Promise<void> {
  const res = await vu.http.post('/analyze', { json: { accountId: account(vu), days: 90 } });
  vu.check(res, { 'analysis has services': (r) => servicesOf(r.json()) > 0 });
  if (res.ok) recordCost(vu, res.json());
}

export async function recommend(vu: Vu): Promise<void> {
  const res = await vu.http.post('/recommendations', { json: { accountId: account(vu) } });
  if (res.status !== 201) return;
  const { recommendations } = res.json<{ recommendations: { id: string }[] }>();
  const open = (vu.state.open ??= []);
  for (const rec of recommendations) open.push(rec.id);
  // Keep the newest few: enough to read and apply, bounded however long the run.
  if (open.length > 50) open.splice(0, open.length - 50);
}

export async function getRecommendation(vu: Vu): Promise<void> {
  const open = vu.state.open ?? [];
  if (open.length === 0) return recommend(vu);
  const id = open[Math.floor(vu.random() * open.length)] as string;
  await vu.http.get(`/recommendations/${id}`, { name: '/recommendations/[id]' });
}

/** The seed's "execution": applies a recommendation this user has not applied yet. */
export async function applyRecommendation(vu: Vu): Promise<void> {
  if ((vu.state.open ?? []).length === 0) await recommend(vu);
  const id = vu.state.open?.pop();
  if (id === undefined) return;
  const res = await vu.http.post(`/recommendations/${id}/apply`, { name: '/recommendations/[id]/apply' });
  vu.check(res, { 'recommendation applied': (r) => r.json<{ status?: string }>().status === 'applied' });
}

export function health(vu: Vu): Promise<unknown> {
  return vu.http.get('/health');
}

function servicesOf(body: unknown): number {
  const services = (body as { services?: unknown } | null)?.services;
  return Array.isArray(services) ? services.length : 0;
}

/**
 * Seed 002's Platform API load test (its locustfile.py): three independent user classes for the
 * auth, generation and payments APIs, with the seed's task weights and per-class pass criteria.
 *
 *   npx volley run platform.ts --profile ci      # CI size, about 10 s
 *   npx volley run platform.ts --env-file .env   # the .env's load: 100 → 1000 users at 10/s, 300 s steady
 *   npx volley run platform.ts --profile full --html report.html --json metrics.json --junit junit.xml
 *
 * Settings come from the seed's environment variables (settings.ts); `--profile` (from
 * volley.config.json beside this file) replaces the load, and flags override everything.
 */

import { randomUUID } from 'node:crypto';
import { between, defineScenario, defineUser, type VuContext } from 'volley';
import { type ClassTargets, percent, settings } from './settings.js';

/** Keeps e-mail addresses unique across runs against the same service (and across workers). */
const RUN = randomUUID().slice(0, 8);
const PASSWORD = 'load-test-password';
const PROMPTS = ['a lighthouse at dusk', 'a city of glass', 'a fox in the snow', 'an orchard in spring'];

interface Account {
  email: string;
  token: string;
}

function emailFor(vu: VuContext<object>, what: string): string {
  return `${what}-${RUN}-${vu.id}-${vu.iteration}@loadtest.example`;
}

/** Registers a fresh account and logs in: what every seed user does first. */
async function signUp(vu: VuContext<object>): Promise<Account> {
  const email = emailFor(vu, vu.user.toLowerCase());
  await vu.http.post('/api/v1/auth/register', { json: { email, password: PASSWORD, name: vu.user } });
  const login = await vu.http.post('/api/v1/auth/login', { json: { email, password: PASSWORD } });
  const ok = vu.check(
    login,
    {
      'login returns a bearer token': (r) =>
        typeof r.json<{ access_token?: unknown }>().access_token === 'string',
    },
    { failRequest: true },
  );
  if (!ok) throw new Error(`login failed for ${email}: HTTP ${login.status}`);
  return { email, token: login.json<{ access_token: string }>().access_token };
}

const bearer = (account: Account): Record<string, string> => ({ authorization: `Bearer ${account.token}` });

/** Authentication API: sign-ups, logins and health checks. Success ≥ 99 %, p95 ≤ 200 ms. */
export const AuthUser = defineUser<{ account: Account }>({
  wait: between('1s', '3s'),
  async onStart(vu) {
    vu.state.account = await signUp(vu);
  },
  tasks: [
    {
      name: 'register',
      weight: 3,
      run: async (vu) => {
        const res = await vu.http.post('/api/v1/auth/register', {
          json: { email: emailFor(vu, 'new'), password: PASSWORD },
        });
        vu.check(res, { 'registered (201)': (r) => r.status === 201 });
      },
    },
    {
      name: 'login',
      weight: 5,
      run: ({ http, state }) =>
        http.post('/api/v1/auth/login', { json: { email: state.account.email, password: PASSWORD } }),
    },
    { name: 'health', weight: 2, tags: ['smoke'], run: ({ http }) => http.get('/health') },
  ],
});

interface GenerationState {
  account: Account;
  /** The newest task ids, for status checks. */
  ids: string[];
}

/** Generation API: creates tasks, lists them and follows their status. Success ≥ 95 %, p95 ≤ 500 ms. */
export const GenerationUser = defineUser<GenerationState>({
  wait: between('1s', '3s'),
  async onStart(vu) {
    vu.state.account = await signUp(vu);
    vu.state.ids = [];
  },
  tasks: [
    {
      name: 'create generation',
      weight: 7,
      run: async (vu) => {
        const { http, state, check } = vu;
        const prompt = PROMPTS[Math.floor(vu.random() * PROMPTS.length)] ?? 'a cat';
        const res = await http.post('/api/v1/generation/create', {
          json: { prompt, model: 'standard', outputs: 1 },
          headers: bearer(state.account),
        });
        check(res, { 'generation accepted (202, queued)': (r) => r.status === 202 });
        if (res.status === 202) remember(state.ids, res.json<{ id: string }>().id);
      },
    },
    {
      name: 'list generations',
      weight: 3,
      run: ({ http, state }) =>
        http.get('/api/v1/generation/list', { query: { limit: 20 }, headers: bearer(state.account) }),
    },
    {
      name: 'generation status',
      weight: 2,
      run: async (vu) => {
        const { http, state, check } = vu;
        // vu.random() (not Math.random) keeps the choice reproducible with --seed.
        const id = state.ids[Math.floor(vu.random() * state.ids.length)];
        if (id === undefined) return;
        const res = await http.get(`/api/v1/generation/${id}`, {
          name: '/api/v1/generation/[id]',
          headers: bearer(state.account),
        });
        check(res, {
          'status is queued, running or done': (r) =>
            ['queued', 'running', 'done'].includes(r.json<{ status?: string }>().status ?? ''),
        });
      },
    },
  ],
});

function remember(ids: string[], id: string): void {
  ids.push(id);
  if (ids.length > 20) ids.shift();
}

/**
 * Payments API: creates payments (each with its own Idempotency-Key) and lists them.
 * Success ≥ 95 %, p95 ≤ 300 ms.
 */
export const PaymentUser = defineUser<{ account: Account }>({
  wait: between('1s', '3s'),
  async onStart(vu) {
    vu.state.account = await signUp(vu);
  },
  tasks: [
    {
      name: 'create payment',
      weight: 6,
      run: async (vu) => {
        const { http, state, check } = vu;
        const res = await http.post('/api/v1/payments/create', {
          json: {
            amountCents: 100 + Math.floor(vu.random() * 9_900),
            currency: 'usd',
            description: 'load test',
          },
          headers: { ...bearer(state.account), 'idempotency-key': randomUUID() },
        });
        check(res, { 'payment created (201)': (r) => r.status === 201 });
      },
    },
    {
      name: 'list payments',
      weight: 4,
      run: ({ http, state }) =>
        http.get('/api/v1/payments', { query: { limit: 20 }, headers: bearer(state.account) }),
    },
  ],
});

const classCriteria = (user: string, targets: ClassTargets) => ({
  user,
  successRate: `>=${percent(targets.successRate)}`,
  p95: `<=${targets.p95Ms}ms`,
});

/** Seconds to go from `from` to `to` users at the spawn rate. */
const rampSeconds = (from: number, to: number): number => (to - from) / settings.spawnRate;

export default defineScenario({
  name: 'platform-api',
  host: settings.host,
  users: [AuthUser, GenerationUser, PaymentUser],
  // The seed's concurrent load levels: up to the minimum at the spawn rate, on to the maximum at
  // the same rate, then the steady state. `--profile` replaces this with a plain ramp.
  load: {
    stages: [
      { duration: rampSeconds(0, settings.usersMin), target: settings.usersMin },
      { duration: rampSeconds(settings.usersMin, settings.usersMax), target: settings.usersMax },
      { duration: settings.durationSeconds, target: settings.usersMax },
    ],
  },
  http: { timeout: `${settings.timeoutSeconds}s` },
  thresholds: [
    classCriteria('AuthUser', settings.auth),
    classCriteria('GenerationUser', settings.generation),
    classCriteria('PaymentUser', settings.payments),
    ...(settings.generationTargetRps > 0
      ? [{ name: 'POST /api/v1/generation/create', rps: `>=${settings.generationTargetRps}/s` }]
      : []),
  ],
});

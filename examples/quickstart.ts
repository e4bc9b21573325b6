/**
 * The quickstart: two kinds of users against the demo service's items and auth APIs.
 *
 *   npx volley run examples/quickstart.ts --demo -u 50 -t 1m      # starts the demo service itself
 *   npx volley run examples/quickstart.ts -H http://127.0.0.1:8000  # against `volley demo --serve`
 */

import { between, defineScenario, defineUser } from 'volley';

interface ShopperState {
  seen: string[];
}

/** Browses: lists items and opens some of them. Three of every four users. */
export const Shopper = defineUser<ShopperState>({
  weight: 3,
  wait: between('50ms', '200ms'),
  onStart(vu) {
    vu.state.seen = [];
  },
  tasks: [
    {
      name: 'list items',
      weight: 4,
      run: async ({ http, state, check }) => {
        const res = await http.get('/api/items', { query: { limit: 20 } });
        check(res, { 'list has items': (r) => Array.isArray(r.json<{ items?: unknown }>().items) });
        if (res.ok) {
          const { items } = res.json<{ items: { id: string }[] }>();
          state.seen = items.map((item) => item.id);
        }
      },
    },
    {
      name: 'open item',
      weight: 3,
      run: async ({ http, state }) => {
        const id = state.seen[Math.floor(Math.random() * state.seen.length)];
        if (id === undefined) return;
        // Items may be deleted meanwhile: a 404 is an expected answer, not a failure.
        await http.get(`/api/items/${id}`, { name: '/api/items/[id]', expect: [200, 404] });
      },
    },
    { name: 'health', weight: 1, tags: ['smoke'], run: ({ http }) => http.get('/health') },
  ],
});

/** Signs in once, then adds and edits items. One of every four users. */
export const Seller = defineUser<{ username: string }>({
  weight: 1,
  wait: between('100ms', '300ms'),
  async onStart(vu) {
    vu.state.username = `seller-${vu.id}-${Date.now()}`;
    await vu.http.post('/api/auth/register', {
      json: { username: vu.state.username, password: 'secret-pw' },
    });
    const login = await vu.http.post('/api/auth/login', {
      json: { username: vu.state.username, password: 'secret-pw' },
    });
    vu.check(login, { 'logged in': (r) => r.status === 200 }, { failRequest: true });
  },
  tasks: {
    'add item': {
      weight: 3,
      run: async ({ http, check }) => {
        const res = await http.post('/api/items', { json: { name: 'lamp', price: 19.5 } });
        check(res, { 'created with an id': (r) => typeof r.json<{ id?: unknown }>().id === 'string' });
      },
    },
    'edit item': {
      weight: 1,
      run: async ({ http }) => {
        const created = await http.post('/api/items', { json: { name: 'chair', price: 40 } });
        if (!created.ok) return;
        const { id } = created.json<{ id: string }>();
        await http.put(`/api/items/${id}`, { name: '/api/items/[id]', json: { name: 'chair', price: 35 } });
      },
    },
    'who am i': { weight: 1, run: ({ http }) => http.get('/api/me') },
  },
});

export default defineScenario({
  name: 'quickstart',
  host: 'http://127.0.0.1:8000',
  users: [Shopper, Seller],
  load: { users: 20, spawnRate: 10, duration: '15s' },
  thresholds: [
    'successRate>=99%',
    'p95<250ms',
    { user: 'Shopper', p99: '<400ms' },
    { name: 'POST /api/items', p95: '<300ms', window: '10s' },
  ],
});

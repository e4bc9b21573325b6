/**
 * Seed 004's sustained-load test (test_sustained_load): 500 requests spread evenly over 60 s, at
 * a steady 500 per minute however fast the service answers (the open model), so a slowdown shows
 * in the latency instead of lowering the load. A therapist reviews sessions: lists them, opens
 * one, checks health, in that order. It passes when reads stay under 500 ms at p95, over the
 * whole run and over its last 20 s (no late degradation), and health checks under 100 ms.
 *
 * The same requests in the same order every run make it the scenario to keep baselines of:
 *
 *   npx volley run sustained.ts --json baseline.json             # 60 s; keep the result as the baseline
 *   npx volley run sustained.ts --baseline baseline.json --save   # compare (exit 1 on a regression)
 *   npx volley history therapybridge-sustained                    # every saved run, and the trend
 *   npx volley run sustained.ts -t 5s                             # CI
 */

import { defineScenario, defineUser } from 'volley';
import { signIn } from './personas.js';

export const SessionReviewer = defineUser<{ session?: string }>({
  sequential: true,
  async onStart(vu) {
    await signIn(vu);
    const res = await vu.http.post('/sessions', {
      json: { patientId: `patient-${vu.id}`, date: '2025-03-14' },
    });
    if (res.status === 201) vu.state.session = res.json<{ id: string }>().id;
  },
  tasks: [
    {
      name: 'list sessions',
      tags: ['read'],
      run: ({ http }) => http.get('/sessions', { query: { limit: 20 } }),
    },
    {
      name: 'open session',
      tags: ['read'],
      run: ({ http, state }) => http.get(`/sessions/${state.session ?? 'none'}`, { name: '/sessions/[id]' }),
    },
    { name: 'health', tags: ['health'], run: ({ http }) => http.get('/health') },
  ],
});

export default defineScenario({
  name: 'therapybridge-sustained',
  host: 'http://127.0.0.1:8000',
  users: [SessionReviewer],
  load: { rate: 500, timeUnit: '1m', duration: '60s', maxUsers: 50 },
  thresholds: [
    'successRate>=99%',
    { tag: 'read', p95: '<500ms' },
    { tag: 'read', p95: '<500ms', window: '20s' },
    { tag: 'health', p95: '<100ms' },
  ],
});

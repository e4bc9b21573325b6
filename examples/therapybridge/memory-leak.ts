/**
 * Seed 004's memory-leak test (test_memory_leak_detection): 200 session reads by signed-in
 * therapists, while the service's own memory is sampled from outside; the run fails if the
 * service's memory grew by 50 MB or more (a Theil–Sen fit over the samples after warm-up, so a
 * garbage-collection sawtooth does not read as a leak).
 *
 *   npx volley run memory-leak.ts --demo --monitor-pid demo        # the demo service
 *   npx volley run memory-leak.ts -H http://127.0.0.1:8000 --monitor-pid "$(pgrep -f my-api)"
 *
 * The 200 reads are paced over about 10 s: a fit needs samples (one a second), and 200 reads
 * fired in a burst would be over before the first.
 */

import { constantPacing, defineScenario, defineUser } from 'volley';
import { signIn } from './personas.js';

export const SessionReader = defineUser({
  wait: constantPacing('500ms'),
  async onStart(vu) {
    await signIn(vu);
  },
  tasks: [{ name: 'read sessions', tags: ['read'], run: ({ http }) => http.get('/sessions', { query: { limit: 20 } }) }],
});

export default defineScenario({
  name: 'therapybridge-memory-leak',
  host: 'http://127.0.0.1:8000',
  users: [SessionReader],
  load: { users: 10, spawnRate: 10, iterations: 200 },
  thresholds: ['successRate>=99%', 'targetMemoryGrowth<50MB'],
});

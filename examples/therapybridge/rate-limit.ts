/**
 * Seed 004's rate-limit enforcement test (test_rate_limit_enforcement): 150 rapid-fire uploads,
 * from three users at once (50 each, no pause), against a limit of UPLOAD_LIMIT uploads per user
 * per window (10 per hour on the demo service). It passes only if the limit is enforced exactly:
 *
 * - each user's first UPLOAD_LIMIT uploads are accepted (201);
 * - every upload past the limit is refused with 429 and a `Retry-After` header in seconds;
 * - the 429's body repeats that wait (`retryAfterSeconds`), so clients may read either.
 *
 * A 429 is the expected answer here, so it counts as a successful request (`expect`); the checks
 * decide whether each answer was the right one, and `checks==100%` makes any wrong one fail the run.
 *
 *   npx volley run rate-limit.ts
 */

import { constant, defineScenario, defineUser } from 'volley';
import { retryAfterSeconds, signIn, UPLOAD_LIMIT, upload } from './personas.js';

export const RapidUploader = defineUser<{ sent: number }>({
  wait: constant(0),
  async onStart(vu) {
    vu.state.sent = 0;
    await signIn(vu);
  },
  tasks: [
    {
      name: 'rapid upload',
      tags: ['rate-limit'],
      run: async (vu) => {
        vu.state.sent += 1;
        const res = await upload(vu);
        if (vu.state.sent <= UPLOAD_LIMIT) {
          vu.check(res, { 'within the limit: accepted (201)': (r) => r.status === 201 });
          return;
        }
        vu.check(res, {
          'past the limit: refused (429)': (r) => r.status === 429,
          'past the limit: Retry-After in seconds': (r) => retryAfterSeconds(r) !== undefined,
          'past the limit: the body repeats Retry-After': (r) =>
            r.status === 429 &&
            r.json<{ retryAfterSeconds?: number }>().retryAfterSeconds === retryAfterSeconds(r),
        });
      },
    },
  ],
});

export default defineScenario({
  name: 'therapybridge-rate-limit',
  host: 'http://127.0.0.1:8000',
  users: [RapidUploader],
  load: { users: 3, iterationsPerUser: 50 },
  thresholds: ['checks==100%', 'successRate==100%', { name: 'POST /sessions/upload', p95: '<5s' }],
});

/**
 * The demo service as LeadFactory's backend, in the two shapes the suite needs.
 *
 * - In memory (no options): every call is answered as fast as the process can, like the seed's
 *   in-memory SQLite. The benchmarks and the production load run against it, so their figures
 *   are the service's own cost.
 * - Behind a database (`DATABASE_ROUND_TRIP`): every API call also waits 8–12 ms, like a query
 *   to a database server. The concurrency tests run against it. Without the wait they would
 *   measure only that one Node process (service and load generator sharing a core) cannot do
 *   more work at once; with it, as in production, concurrent users overlap their waits, which
 *   is what "linear scaling" and "degradation under load" are about. The wait is also long next
 *   to the CPU an operation costs, so a busy CI machine does not decide the verdict.
 */

import type { DemoLatency } from '../../src/demo/index.js';

export const DATABASE_ROUND_TRIP: DemoLatency = { fixedMs: 8, jitterMs: 4 };

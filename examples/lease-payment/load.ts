/**
 * The seed's locustfile.py: the lease, payment and ledger users together, with the seed's
 * per-endpoint latency targets as thresholds.
 *
 *   npx volley run load.ts --demo --profile ci        # CI size: 24 users for 10 s, demo service
 *   npx volley run load.ts --demo --profile full      # the targets' load: 50 users for 5 min
 *   npx volley run load.ts -H http://localhost:8000   # the seed's headless run, against your service
 *
 * Without `--profile` the load is the seed's headless run: 10 users started 1 per second, for 5
 * minutes. Profiles are in volley.config.json. One service alone: `lease-load.ts`,
 * `payment-load.ts` or `ledger-load.ts`.
 */

import { defineScenario } from 'volley';
import { LeaseUser } from './lease-load.js';
import { LedgerUser } from './ledger-load.js';
import { PaymentUser } from './payment-load.js';
import { CORRECTNESS_THRESHOLDS, endpointThresholds } from './targets.js';

// Exported here too: user classes are named after the scenario file's exports.
export { LeaseUser, LedgerUser, PaymentUser };

export default defineScenario({
  name: 'lease-payment',
  host: 'http://127.0.0.1:8000',
  users: [LeaseUser, PaymentUser, LedgerUser],
  load: { users: 10, spawnRate: 1, duration: '5m' },
  thresholds: [...endpointThresholds(), ...CORRECTNESS_THRESHOLDS],
});

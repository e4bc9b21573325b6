/**
 * Assembles the demo's routes: one `register…Routes` call per API area, each with its own
 * store, so two demo servers in one process never share state. New areas add a file under
 * `routes/` and a line here.
 *
 *   probes            /, /health, /ready, /live, /delay, /status, /bytes
 *   items, auth       /api/items, /api/auth, /api/me                 (the quickstart)
 *   seed 000          /leases, /payments/:leaseId, /audit/leases, /audit/metrics
 *   seed 001          /audit/logs, /budget
 *   seed 002          /api/v1/auth, /api/v1/generation, /api/v1/payments
 *   seed 003          /analyze, /recommendations
 *   seed 004          /sessions (CRUD, uploads behind a rate limit)
 *   token stream      /stream/tokens (Server-Sent Events)
 */

import { AccountStore, SEEDED_ACCOUNTS } from './account-store.js';
import { AuditLogStore } from './audit-log-store.js';
import { BudgetBreakers } from './budget-breaker.js';
import { GenerationStore } from './generation-store.js';
import type { DemoHandler, DemoRouter } from './handler.js';
import { registerOpenApiRoute } from './openapi-document.js';
import { ItemStore } from './item-store.js';
import { LeaseStore } from './lease-store.js';
import { type ResolvedDemoOptions, resolveDemoOptions } from './options.js';
import { PlatformPaymentStore } from './platform-payment-store.js';
import { RecommendationStore } from './recommendation-store.js';
import { Router } from './router.js';
import { registerAuditLogRoutes } from './routes/audit-log.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerBudgetRoutes } from './routes/budget.js';
import { registerCostAgentRoutes } from './routes/cost-agent.js';
import { registerGenerationRoutes } from './routes/generation.js';
import { registerItemRoutes } from './routes/items.js';
import { registerLeaseRoutes } from './routes/leases.js';
import { registerLedgerRoutes } from './routes/ledger.js';
import { registerPlatformAuthRoutes } from './routes/platform-auth.js';
import { registerPlatformPaymentRoutes } from './routes/platform-payments.js';
import { registerProbeRoutes } from './routes/probes.js';
import { registerSessionRoutes } from './routes/sessions.js';
import { registerTokenStreamRoutes } from './routes/token-stream.js';
import { SessionStore } from './session-store.js';
import { UploadLimiter } from './upload-limiter.js';

export function createDemoRouter(options: ResolvedDemoOptions = resolveDemoOptions()): DemoRouter {
  const now = options.clock;
  const router = new Router<DemoHandler>();
  const accounts = new AccountStore();
  for (const { username, password } of SEEDED_ACCOUNTS) accounts.seed(username, password);
  registerProbeRoutes(router);
  registerItemRoutes(router, new ItemStore());
  registerAuthRoutes(router, accounts);

  const leases = new LeaseStore(now);
  registerLeaseRoutes(router, leases);
  registerLedgerRoutes(router, leases, now);

  registerAuditLogRoutes(router, new AuditLogStore(now));
  registerBudgetRoutes(router, new BudgetBreakers(options.budgetLimit, options.budgetCoolDownMs, now));

  registerPlatformAuthRoutes(router, accounts);
  registerGenerationRoutes(router, new GenerationStore(options.generationStageMs, now), accounts);
  registerPlatformPaymentRoutes(router, new PlatformPaymentStore(now), accounts);

  registerCostAgentRoutes(router, new RecommendationStore(now), now);

  registerSessionRoutes(router, {
    store: new SessionStore(now),
    accounts,
    limiter: new UploadLimiter(options.uploadsPerWindow, options.uploadWindowMs, now),
    maxUploadBytes: options.maxUploadBytes,
    now,
  });
  registerTokenStreamRoutes(router);
  registerOpenApiRoute(router);
  return router;
}

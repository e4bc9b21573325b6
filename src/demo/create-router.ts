/**
 * Assembles the demo's routes: one `register…Routes` call per API area, each with its own
 * store, so two demo servers in one process never share state. New areas (leases, payments,
 * sessions…) add a file under `routes/` and one line here.
 */

import { AccountStore } from './account-store.js';
import type { DemoHandler, DemoRouter } from './handler.js';
import { ItemStore } from './item-store.js';
import { Router } from './router.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerItemRoutes } from './routes/items.js';
import { registerProbeRoutes } from './routes/probes.js';

export function createDemoRouter(): DemoRouter {
  const router = new Router<DemoHandler>();
  registerProbeRoutes(router);
  registerItemRoutes(router, new ItemStore());
  registerAuthRoutes(router, new AccountStore());
  return router;
}

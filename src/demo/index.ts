/**
 * The demo target's public face: what `src/cli/` (the `demo` command), examples and tests use.
 */

export type {
  DemoBudget,
  DemoDegrade,
  DemoGeneration,
  DemoLatency,
  DemoServerOptions,
  DemoUploads,
  LatencyDistribution,
} from './options.js';
export { type DemoServer, startDemoServer } from './server.js';
export { LEDGER_PROTO } from './grpc-ledger.js';

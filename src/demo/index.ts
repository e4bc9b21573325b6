/**
 * The demo target's public face: what `src/cli/` (the `demo` command), examples and tests use.
 */

export type { DemoLatency, DemoServerOptions } from './options.js';
export { type DemoServer, startDemoServer } from './server.js';

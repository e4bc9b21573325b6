/**
 * LeadFactory's backend as a process of its own, so a test can watch its memory the way
 * `--monitor-pid` watches a real service: the demo service on a free loopback port, with the
 * injected latency given as JSON. It prints `listening on <url>` and leaves when its stdin
 * closes, so it never outlives the test that started it.
 *
 *   node examples/leadfactory/serve.mjs '{"fixedMs":8,"jitterMs":4}'     (after npm run build)
 */

import { startDemoServer } from '../../dist/demo/index.js';

const latency = JSON.parse(process.argv[2] ?? '{}');
const server = await startDemoServer({ latency });
process.stdout.write(`listening on ${server.url}\n`);

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  void server.close().then(() => process.exit(0));
};
process.stdin.once('end', close);
process.stdin.once('error', close);
process.stdin.resume();
process.once('SIGTERM', close);
process.once('SIGINT', close);

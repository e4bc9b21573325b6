// One volley load run in URL mode, in this process, reporting its own CPU use as JSON.
// Usage: node bench/generators/volley.mjs <url> <connections> <seconds>
import { constant, defineScenario, defineUser, run } from '../../dist/index.js';

const [url, connections, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const target = new URL(url);
const user = defineUser({
  name: 'url',
  wait: constant(0),
  tasks: [{ run: ({ http }) => http.get(target.pathname) }],
});
const cpuBefore = process.cpuUsage();
const result = await run(defineScenario({ users: [user] }), {
  host: target.origin,
  users: connections,
  spawnRate: 1_000_000,
  duration: `${seconds}s`,
});
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    requests: result.totals.requests,
    errors: result.totals.failures,
    seconds: result.durationMs / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    p50: result.totals.latency.p50,
    p99: result.totals.latency.p99,
  })}\n`,
);

// One autocannon run (the peer), in this process, reporting its own CPU use as JSON.
// Usage: node bench/generators/autocannon.mjs <url> <connections> <seconds>
import autocannon from 'autocannon';

const [url, connections, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    p50: result.latency.p50,
    p99: result.latency.p99,
  })}\n`,
);

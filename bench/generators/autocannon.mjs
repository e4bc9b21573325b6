// autocannon 9.0.0 (the peer) through its CLI, its figures from `--json` on stdout.
import { autocannonBin } from '../peers.mjs';

export function autocannon({ url, users, seconds, amount }) {
  const length = amount === undefined ? ['-d', String(seconds)] : ['-a', String(amount)];
  return {
    cmd: process.execPath,
    args: [autocannonBin(), '-c', String(users), ...length, '-p', '1', '-j', url],
    parse: (run) => {
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
      return {
        requests: result.requests.total,
        errors: result.errors + result.non2xx + result.timeouts,
        seconds: result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
      };
    },
  };
}

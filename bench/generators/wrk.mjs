// wrk (the C peer), one thread (`-t1`), its figures parsed from its text report.
import { wrkBin } from '../peers.mjs';

/** null when wrk is not available (bench/peers.mjs says why). */
export function wrk({ url, users, seconds }) {
  const bin = wrkBin();
  if (bin === null) return null;
  return {
    cmd: bin.cmd,
    env: bin.env,
    args: ['-t1', `-c${users}`, `-d${seconds}s`, '--latency', url],
    parse: (run) => {
      const out = run.stdout;
      const done = /(\d+) requests in ([\d.]+)(m?s)/.exec(out);
      const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      const latency = (p) => toMs(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out));
      return {
        requests: Number(done[1]),
        errors: non2xx + (socketErrors === null ? 0 : socketErrors.slice(1).reduce((s, n) => s + Number(n), 0)),
        seconds: Number(done[2]) / (done[3] === 'ms' ? 1000 : 1),
        p50: latency(50),
        p99: latency(99),
      };
    },
  };
}

function toMs(match) {
  if (match === null) return NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

// One generator run, pinned to the generator's CPU(s) and measured from outside: its figures
// (requests, errors, latency) as it reports them, its CPU seconds and peak RSS as the kernel
// counts them. Every tool pays for its own start-up and exit in its CPU alike.
import { GENERATOR_CPUS, runMeasured } from './process.mjs';

/** `spec` is a generator's `{ cmd, args, env, parse }` (see bench/generators/). */
export async function runGenerator(spec, { seconds, cpus = GENERATOR_CPUS, onStart, graceSeconds = 60 }) {
  const run = await runMeasured({
    cpus,
    cmd: spec.cmd,
    args: spec.args,
    env: spec.env,
    timeoutMs: (seconds + graceSeconds) * 1000,
    onStart,
  });
  if (run.code !== 0) {
    throw new Error(`${spec.args.slice(0, 3).join(' ')}… exited with ${run.code}: ${run.stderr.slice(-600)}`);
  }
  return { ...spec.parse(run), cpuSeconds: run.cpuSeconds, maxRssBytes: run.maxRssBytes, wallSeconds: run.wallSeconds };
}

// volley's URL mode through its CLI (`volley run --url`), as a user runs it. The figures come
// from the run's JSON result; the CPU and memory from the process (see lib/process.mjs).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * A closed-model run of `users` looping GETs for `seconds` (`workers` threads, 1 = one process),
 * or an open-model one when `rate` is given (at most `maxUsers` in flight). `dir` holds the JSON result.
 */
export function volleyUrl({ url, users, seconds, workers = 1, rate, maxUsers, spawnRate, dir }) {
  const json = join(dir, `volley-${process.hrtime.bigint()}.json`);
  const load =
    rate === undefined
      ? ['-u', String(users), '-r', String(spawnRate ?? 1_000_000)]
      : ['--rate', `${rate}/s`, ...(maxUsers === undefined ? [] : ['--max-users', String(maxUsers)])];
  return {
    cmd: process.execPath,
    args: [CLI, 'run', '--url', url, ...load, '-t', `${seconds}s`, '--workers', String(workers), '-q', '--json', json],
    parse: () => parseResult(json),
  };
}

/** The figures every generator reports, from a volley Result file (removed once read). */
export function parseResult(json) {
  const result = JSON.parse(readFileSync(json, 'utf8'));
  rmSync(json, { force: true });
  return {
    requests: result.totals.requests,
    errors: result.totals.failures,
    seconds: result.durationMs / 1000,
    p50: result.totals.latency.p50,
    p99: result.totals.latency.p99,
    iterations: result.totals.iterations,
    dropped: result.totals.droppedIterations,
  };
}

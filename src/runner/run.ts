/**
 * The programmatic API: run a scenario from code (vitest, node:test, a script) and get the Result.
 *
 *   const result = await run(scenario, { users: 10, duration: '10s' });
 *   expect(result.ok).toBe(true);
 *
 * Options override the scenario's own `load`, as flags do on the command line. Nothing is printed
 * unless `outputs` asks for it.
 */

import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import type { DurationInput } from '../engine/wait-time.js';
import { explicitOptions, type OptionLayer, resolveRunOptions } from '../config/resolve-options.js';
import type { Result } from '../metrics/result.js';
import type { Output } from '../outputs/output.js';
import { checkPids } from '../monitor/index.js';
import { scenarioLayer } from './scenario-options.js';
import { startRun } from './start-run.js';

export interface RunApiOptions {
  host?: string;
  users?: number;
  spawnRate?: number;
  duration?: DurationInput;
  iterations?: number;
  gracefulStop?: DurationInput;
  tags?: string[];
  excludeTags?: string[];
  timeout?: DurationInput;
  /** Extra thresholds in string form, as with `--threshold`. */
  thresholds?: string[];
  /** Also write the Result JSON here. */
  json?: string;
  seed?: number;
  connections?: number;
  maxRedirects?: number;
  insecure?: boolean;
  /** Response body bytes kept for the script (bytes, or `'4MiB'`); default 4 MiB. */
  maxBodySize?: number | string;
  /** Count response bodies without keeping them. */
  discardResponseBodies?: boolean;
  /** The `accept-encoding` requests send (default `gzip, deflate, br`); false for none. */
  acceptEncoding?: string | false;
  /** Replace the scenario's load with stages, an arrival rate (per second) or a named profile. */
  stages?: string;
  rate?: number | string;
  maxUsers?: number;
  distribution?: 'even' | 'poisson';
  profile?: string;
  /** Only these user classes (by name), as `volley run file ClassA`. */
  userClasses?: string[];
  /**
   * Also sample CPU and memory of these processes (Linux `/proc`), such as the service under
   * test, as `--monitor-pid`: `targetMemoryGrowth` / `targetPeakMemory` thresholds judge them.
   */
  monitorPids?: number[];
  /** Reporters to call (none by default). */
  outputs?: Output[];
  /** Stops the run gracefully when aborted. */
  signal?: AbortSignal;
}

export async function run<Data>(
  scenario: ScenarioDefinition<Data>,
  options: RunApiOptions = {},
): Promise<Result> {
  const layer = apiOptionLayer(options);
  const generic = scenario as ScenarioDefinition<unknown>;
  const resolved = resolveRunOptions([scenarioLayer(generic, 'scenario'), layer]);
  const explicit = explicitOptions([layer]);
  const outputs = [...(options.outputs ?? [])];
  if (resolved.json !== null) {
    const { JsonFileOutput } = await import('../outputs/json-output.js');
    outputs.push(new JsonFileOutput(resolved.json));
  }
  const monitorPids = options.monitorPids ?? [];
  if (monitorPids.length > 0) checkPids(monitorPids);
  const handle = startRun({ scenario: generic, file: null, options: resolved, explicit, outputs, monitorPids });
  const onAbort = (): void => handle.stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await handle.result;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The option mapping: run()'s options as an option layer, each named after where it came from.
 * Kept apart from run() so the option table can take it over.
 */
function apiOptionLayer(options: RunApiOptions): OptionLayer {
  const api = (value: unknown, name: string) =>
    value === undefined ? undefined : { value, origin: `run() ${name}` };
  return {
    host: api(options.host, 'host'),
    users: api(options.users, 'users'),
    spawnRate: api(options.spawnRate, 'spawnRate'),
    durationMs: api(options.duration, 'duration'),
    iterations: api(options.iterations, 'iterations'),
    gracefulStopMs: api(options.gracefulStop, 'gracefulStop'),
    tags: api(options.tags, 'tags'),
    excludeTags: api(options.excludeTags, 'excludeTags'),
    timeoutMs: api(options.timeout, 'timeout'),
    thresholds: api(options.thresholds, 'thresholds'),
    json: api(options.json, 'json'),
    seed: api(options.seed, 'seed'),
    connections: api(options.connections, 'connections'),
    maxRedirects: api(options.maxRedirects, 'maxRedirects'),
    insecure: api(options.insecure, 'insecure'),
    maxBodySize: api(options.maxBodySize, 'maxBodySize'),
    discardResponseBodies: api(options.discardResponseBodies, 'discardResponseBodies'),
    acceptEncoding: api(options.acceptEncoding, 'acceptEncoding'),
    stages: api(options.stages, 'stages'),
    rate: api(options.rate, 'rate'),
    maxUsers: api(options.maxUsers, 'maxUsers'),
    distribution: api(options.distribution, 'distribution'),
    profile: api(options.profile, 'profile'),
    userClasses: api(options.userClasses, 'userClasses'),
  };
}

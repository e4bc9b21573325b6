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
import { explicitOptions, resolveRunOptions } from '../config/resolve-options.js';
import { apiOptionLayer, type RunApiOptionValues } from '../config/run-api-options.js';
import type { Result } from '../metrics/result.js';
import type { Output } from '../outputs/output.js';
import { checkPids } from '../monitor/index.js';
import { scenarioLayer } from './scenario-options.js';
import { startRun } from './start-run.js';

export interface RunApiOptions extends RunApiOptionValues {
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

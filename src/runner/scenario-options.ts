/**
 * The scenario's own settings (`host`, `load`, `http`) as the lowest-precedence option layer:
 * an env file, environment variables and flags all override them.
 */

import type { ScenarioDefinition } from '../api/define.js';
import type { OptionLayer } from '../config/resolve-options.js';

export function scenarioLayer(scenario: ScenarioDefinition<unknown>, origin: string): OptionLayer {
  const layer: OptionLayer = {};
  const at = (path: string) => `${origin} ${path}`;
  if (scenario.host !== undefined) layer.host = { value: scenario.host, origin: at('host') };
  const load = scenario.load ?? {};
  if (load.users !== undefined) layer.users = { value: load.users, origin: at('load.users') };
  if (load.spawnRate !== undefined) layer.spawnRate = { value: load.spawnRate, origin: at('load.spawnRate') };
  if (load.duration !== undefined) layer.durationMs = { value: load.duration, origin: at('load.duration') };
  if (load.iterations !== undefined)
    layer.iterations = { value: load.iterations, origin: at('load.iterations') };
  if (load.gracefulStop !== undefined) {
    layer.gracefulStopMs = { value: load.gracefulStop, origin: at('load.gracefulStop') };
  }
  const http = scenario.http ?? {};
  if (http.timeout !== undefined) layer.timeoutMs = { value: http.timeout, origin: at('http.timeout') };
  if (http.connections !== undefined)
    layer.connections = { value: http.connections, origin: at('http.connections') };
  return layer;
}

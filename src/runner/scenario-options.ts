/**
 * The scenario's own settings (`host`, `load.gracefulStop`, `http`) as the lowest-precedence option layer:
 * an env file, environment variables and flags all override them.
 */

import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import type { OptionLayer } from '../config/resolve-options.js';

export function scenarioLayer(scenario: ScenarioDefinition<unknown>, origin: string): OptionLayer {
  const layer: OptionLayer = {};
  const at = (path: string) => `${origin} ${path}`;
  if (scenario.host !== undefined) layer.host = { value: scenario.host, origin: at('host') };
  // The load model and its numbers are resolved apart (resolve-load.ts); only the grace period is an option.
  const load = scenario.load ?? {};
  if (load.gracefulStop !== undefined) {
    layer.gracefulStopMs = { value: load.gracefulStop, origin: at('load.gracefulStop') };
  }
  const http = scenario.http ?? {};
  if (http.timeout !== undefined) layer.timeoutMs = { value: http.timeout, origin: at('http.timeout') };
  if (http.connections !== undefined)
    layer.connections = { value: http.connections, origin: at('http.connections') };
  if (http.maxRedirects !== undefined)
    layer.maxRedirects = { value: http.maxRedirects, origin: at('http.maxRedirects') };
  if (http.insecure !== undefined) layer.insecure = { value: http.insecure, origin: at('http.insecure') };
  if (http.maxBodySize !== undefined)
    layer.maxBodySize = { value: http.maxBodySize, origin: at('http.maxBodySize') };
  if (http.discardResponseBodies !== undefined)
    layer.discardResponseBodies = { value: http.discardResponseBodies, origin: at('http.discardResponseBodies') };
  if (http.acceptEncoding !== undefined)
    layer.acceptEncoding = { value: http.acceptEncoding, origin: at('http.acceptEncoding') };
  return layer;
}

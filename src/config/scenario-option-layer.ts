/**
 * The options a scenario sets itself (`host`, `load.gracefulStop`, `http.timeout`, …), at the
 * scenario paths the option table gives, as the lowest-precedence layer: the config file, env
 * files, environment variables and flags all override them.
 */

import { optionEntries } from './option-table.js';
import type { OptionLayer } from './resolve-options.js';

/** The value at a dotted path (`http.timeout`) of a scenario definition, if set. */
function valueAt(scenario: object, path: string): unknown {
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** `origin` names the scenario in messages (its file, or `scenario`): `load.ts http.timeout`. */
export function scenarioOptionLayer(scenario: object, origin: string): OptionLayer {
  const layer: OptionLayer = {};
  for (const [name, spec] of optionEntries()) {
    if (spec.scenarioPath === undefined) continue;
    const value = valueAt(scenario, spec.scenarioPath);
    if (value !== undefined) layer[name] = { value, origin: `${origin} ${spec.scenarioPath}` };
  }
  return layer;
}

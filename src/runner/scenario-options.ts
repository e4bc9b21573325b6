/**
 * The scenario's own settings (`host`, `load.gracefulStop`, `http`) as the lowest-precedence option layer:
 * an env file, environment variables and flags all override them.
 */

import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import type { OptionLayer } from '../config/resolve-options.js';
import { scenarioOptionLayer } from '../config/scenario-option-layer.js';

export function scenarioLayer(scenario: ScenarioDefinition<unknown>, origin: string): OptionLayer {
  // The load model and its numbers are resolved apart (resolve-load.ts); only the options in the
  // option table's scenario paths are read here.
  return scenarioOptionLayer(scenario, origin);
}

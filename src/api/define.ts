/**
 * `defineUser` and `defineScenario`: how a scenario file describes its users and its load. They
 * return their argument (typed, and marked so the loader can find user classes among a module's
 * exports and name them after their export). The model and its types live in the engine
 * (`src/engine/scenario-definition.ts`); `src/index.ts` exports the types.
 */

import {
  type DefinedUser,
  markScenario,
  markUser,
  type ScenarioDefinition,
  type UserDefinition,
} from '../engine/scenario-definition.js';

export function defineUser<State extends object = Record<string, unknown>, Data = unknown>(
  definition: UserDefinition<State, Data>,
): UserDefinition<State, Data> & DefinedUser {
  return markUser(definition);
}

export function defineScenario<Data = unknown>(
  definition: ScenarioDefinition<Data>,
): ScenarioDefinition<Data> {
  return markScenario(definition);
}

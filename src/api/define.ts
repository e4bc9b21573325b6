/**
 * `defineUser` and `defineScenario`: how a scenario file describes its users and its load. They
 * return their argument (typed, and marked so the loader can find user classes among a module's
 * exports and name them after their export). The model itself lives in the engine.
 */

import {
  type DefinedUser,
  markScenario,
  markUser,
  type ScenarioDefinition,
  type UserDefinition,
} from '../engine/scenario-definition.js';

export type {
  ArrivalRateLoad,
  DefinedUser,
  HttpDefinition,
  LoadDefinition,
  PerUserIterationsLoad,
  RampingArrivalRateLoad,
  ScenarioDefinition,
  ShapeLoad,
  StageDefinition,
  StagesLoad,
  StepLoad,
  SubScenarioDefinition,
  Task,
  TaskDefinition,
  UserDefinition,
  UsersLoad,
} from '../engine/scenario-definition.js';
export { isDefinedScenario, isDefinedUser, SCENARIO_MARK, USER_MARK } from '../engine/scenario-definition.js';

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

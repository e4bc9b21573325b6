/**
 * Merges option layers (lowest precedence first: scenario < config file < env file < environment < flags),
 * then validates every value, collecting all problems into one error that names, for each, where
 * the value came from (`--users`, `VOLLEY_USERS`, `scenario load.users`).
 */

import { VolleyError } from '../errors.js';
import { OPTION_TABLE } from './option-table.js';
import { DEFAULT_OPTIONS, type OptionName, type RunOptions } from './run-options.js';

export interface OptionValue {
  value: unknown;
  /** Where it came from, as a person would look for it: `--users`, `VOLLEY_USERS`. */
  origin: string;
}

export type OptionLayer = Partial<Record<OptionName, OptionValue>>;

/** The options any layer sets (as opposed to defaults). */
export function explicitOptions(layers: readonly OptionLayer[]): Set<OptionName> {
  const names = new Set<OptionName>();
  for (const layer of layers) {
    for (const [name, entry] of Object.entries(layer) as [OptionName, OptionValue | undefined][]) {
      if (entry !== undefined && entry.value !== undefined) names.add(name);
    }
  }
  return names;
}

export function resolveRunOptions(layers: readonly OptionLayer[]): RunOptions {
  const merged: OptionLayer = {};
  for (const layer of layers) {
    for (const [name, entry] of Object.entries(layer) as [OptionName, OptionValue | undefined][]) {
      if (entry !== undefined && entry.value !== undefined) merged[name] = entry;
    }
  }
  const problems: string[] = [];
  const flagProblem = { value: false };
  const resolved: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [name, entry] of Object.entries(merged) as [OptionName, OptionValue][]) {
    const parsed = OPTION_TABLE[name].schema.safeParse(entry.value);
    if (parsed.success) resolved[name] = parsed.data;
    else {
      problems.push(`${entry.origin}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      if (entry.origin.startsWith('-')) flagProblem.value = true;
    }
  }
  if (problems.length > 0) {
    throw new VolleyError(flagProblem.value ? 'VOLLEY_E_USAGE' : 'VOLLEY_E_CONFIG', problems.join('\n'), {
      details: problems,
    });
  }
  // Without a spawn rate, every user starts within the first second.
  if (resolved.spawnRate === undefined) resolved.spawnRate = resolved.users;
  return resolved as unknown as RunOptions;
}

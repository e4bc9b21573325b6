/**
 * Options from environment variables: `VOLLEY_<FLAG>` for each flag (`VOLLEY_USERS`,
 * `VOLLEY_RUN_TIME`, …), so CI can configure a run without editing the command. An env file
 * (`--env-file`, dotenv format) fills variables that are not already set, so the real
 * environment wins over the file, and the scenario can read its own variables from process.env.
 */

import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { VolleyError } from '../errors.js';
import type { OptionLayer } from './resolve-options.js';
import { optionEntries } from './option-table.js';

/** Reads options from a variables map (process.env, or an env file's contents), by the table's `env` names. */
export function envLayer(
  variables: Readonly<Record<string, string | undefined>>,
  source: string,
): OptionLayer {
  const layer: OptionLayer = {};
  for (const [name, spec] of optionEntries()) {
    const variable = spec.env;
    const raw = variable === undefined ? undefined : variables[variable];
    if (raw === undefined || raw === '') continue;
    // Several values fit in one variable (thresholds: separated by semicolons).
    const separator = spec.envSeparator;
    const value =
      separator === undefined
        ? raw
        : raw
            .split(separator)
            .map((s) => s.trim())
            .filter((s) => s !== '');
    layer[name] = { value, origin: `${variable} (${source})` };
  }
  return layer;
}

/** Parses a dotenv file; variables already in `target` are kept. Returns the file's variables. */
export function loadEnvFile(path: string, target: NodeJS.ProcessEnv = process.env): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new VolleyError('VOLLEY_E_USAGE', `--env-file: cannot read '${path}': ${reason}`, { cause: error });
  }
  const variables = parseEnv(text) as Record<string, string>;
  for (const [name, value] of Object.entries(variables)) {
    if (target[name] === undefined) target[name] = value;
  }
  return variables;
}

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
import type { OptionName } from './run-options.js';

export const ENV_NAMES: Readonly<Record<OptionName, string>> = Object.freeze({
  host: 'VOLLEY_HOST',
  users: 'VOLLEY_USERS',
  spawnRate: 'VOLLEY_SPAWN_RATE',
  durationMs: 'VOLLEY_RUN_TIME',
  iterations: 'VOLLEY_ITERATIONS',
  gracefulStopMs: 'VOLLEY_GRACEFUL_STOP',
  tags: 'VOLLEY_TAGS',
  excludeTags: 'VOLLEY_EXCLUDE_TAGS',
  userClasses: 'VOLLEY_USER_CLASSES',
  timeoutMs: 'VOLLEY_TIMEOUT',
  thresholds: 'VOLLEY_THRESHOLDS',
  json: 'VOLLEY_JSON',
  quiet: 'VOLLEY_QUIET',
  seed: 'VOLLEY_SEED',
  connections: 'VOLLEY_CONNECTIONS',
  maxRedirects: 'VOLLEY_MAX_REDIRECTS',
  insecure: 'VOLLEY_INSECURE',
  maxBodySize: 'VOLLEY_MAX_BODY_SIZE',
  discardResponseBodies: 'VOLLEY_DISCARD_RESPONSE_BODIES',
  acceptEncoding: 'VOLLEY_ACCEPT_ENCODING',
  showSecrets: 'VOLLEY_SHOW_SECRETS',
  stages: 'VOLLEY_STAGES',
  rate: 'VOLLEY_RATE',
  maxUsers: 'VOLLEY_MAX_USERS',
  distribution: 'VOLLEY_DISTRIBUTION',
  profile: 'VOLLEY_PROFILE',
  scenario: 'VOLLEY_SCENARIO',
  workers: 'VOLLEY_WORKERS',
});

/** Reads options from a variables map (process.env, or an env file's contents). */
export function envLayer(
  variables: Readonly<Record<string, string | undefined>>,
  source: string,
): OptionLayer {
  const layer: OptionLayer = {};
  for (const [name, variable] of Object.entries(ENV_NAMES) as [OptionName, string][]) {
    const raw = variables[variable];
    if (raw === undefined || raw === '') continue;
    // Several thresholds fit in one variable, separated by semicolons.
    const value =
      name === 'thresholds'
        ? raw
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : raw;
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

/**
 * The project's config file: `volley.config.{ts,mjs,js,json}` in the working directory (or
 * `--config <file>`). It holds defaults for the options (above the scenario's own, below env
 * files, the environment and flags) and named load profiles for `--profile`:
 *
 *   export default {
 *     options: { host: 'http://127.0.0.1:8000', timeout: '10s', thresholds: ['p99<1s'] },
 *     profiles: { smoke: { users: 2, spawnRate: 2, duration: '30s' } },
 *   };
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VolleyError } from '../errors.js';
import type { ProfileLoad } from './profiles.js';
import type { OptionLayer } from './resolve-options.js';
import { type OptionName, optionEntries } from './option-table.js';

export const CONFIG_FILE_NAMES = [
  'volley.config.ts',
  'volley.config.mjs',
  'volley.config.js',
  'volley.config.json',
];

/** The config file's option keys, as written (like the flags, camelCased), and the option each sets. */
const OPTION_KEYS: Readonly<Record<string, OptionName>> = Object.fromEntries(
  optionEntries().flatMap(([name, spec]) => (spec.configKey === undefined ? [] : [[spec.configKey, name]])),
);

export interface LoadedConfig {
  file: string | null;
  layer: OptionLayer;
  profiles: Record<string, ProfileLoad>;
}

export const NO_CONFIG: LoadedConfig = { file: null, layer: {}, profiles: {} };

/** Runs a TypeScript or JavaScript config file and returns its default export (the scenario loader). */
export type ModuleLoader = (file: string) => Promise<unknown>;

/** Finds and loads the config file; none is fine unless `explicitPath` names one. */
export async function loadConfigFile(
  explicitPath: string | undefined,
  loadModule: ModuleLoader,
  cwd = process.cwd(),
): Promise<LoadedConfig> {
  const file =
    explicitPath === undefined
      ? CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path))
      : resolve(cwd, explicitPath);
  if (file === undefined) return NO_CONFIG;
  if (!existsSync(file)) throw new VolleyError('VOLLEY_E_USAGE', `--config: '${explicitPath}' not found`);
  let content: unknown;
  if (file.endsWith('.json')) {
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new VolleyError('VOLLEY_E_CONFIG', `${file}: not valid JSON: ${(error as Error).message}`, {
        location: { file },
      });
    }
  } else {
    content = await loadModule(file);
  }
  return parseConfig(content, file);
}

const PROFILE_KEYS = new Set(['users', 'spawnRate', 'duration', 'thresholds']);

function parseProfile(name: string, profile: unknown, problems: string[]): ProfileLoad | undefined {
  const p = profile as Partial<ProfileLoad> | null;
  if (
    p === null ||
    typeof p !== 'object' ||
    !Number.isInteger(p.users) ||
    typeof p.spawnRate !== 'number' ||
    typeof p.duration !== 'string'
  ) {
    problems.push(
      `profiles.${name}: expected { users: number, spawnRate: number, duration: '5m', thresholds?: string[] }`,
    );
    return undefined;
  }
  // A misspelt key would otherwise be dropped, and the run would pass without what it asked for.
  const unknown = Object.keys(p).filter((key) => !PROFILE_KEYS.has(key));
  for (const key of unknown) {
    problems.push(`profiles.${name}.${key}: unknown key (known: ${[...PROFILE_KEYS].join(', ')})`);
  }
  const thresholds = p.thresholds;
  if (thresholds !== undefined) {
    if (!Array.isArray(thresholds) || !thresholds.every((t) => typeof t === 'string')) {
      problems.push(`profiles.${name}.thresholds: expected a list of expressions like 'p95<300ms'`);
      return undefined;
    }
  }
  if (unknown.length > 0) return undefined;
  return {
    users: p.users as number,
    spawnRate: p.spawnRate,
    duration: p.duration,
    ...(thresholds === undefined ? {} : { thresholds: [...thresholds] }),
  };
}

export function parseConfig(content: unknown, file: string): LoadedConfig {
  const problems: string[] = [];
  if (typeof content !== 'object' || content === null) {
    throw new VolleyError('VOLLEY_E_CONFIG', `${file}: expected an object with options and/or profiles`);
  }
  const { options = {}, profiles = {}, ...rest } = content as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`unknown key '${key}' (use options, profiles)`);
  const layer: OptionLayer = {};
  if (typeof options !== 'object' || options === null) problems.push('options must be an object');
  else {
    for (const [key, value] of Object.entries(options)) {
      const name = Object.hasOwn(OPTION_KEYS, key) ? OPTION_KEYS[key] : undefined;
      if (name === undefined)
        problems.push(`options.${key}: unknown option (known: ${Object.keys(OPTION_KEYS).join(', ')})`);
      else layer[name] = { value, origin: `${file} options.${key}` };
    }
  }
  const parsedProfiles: Record<string, ProfileLoad> = {};
  if (typeof profiles !== 'object' || profiles === null) problems.push('profiles must be an object');
  else {
    for (const [name, profile] of Object.entries(profiles)) {
      const parsed = parseProfile(name, profile, problems);
      if (parsed !== undefined) parsedProfiles[name] = parsed;
    }
  }
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_CONFIG', `${file}: ${problems.join(`\n${file}: `)}`, {
      details: problems,
      location: { file },
    });
  }
  return { file, layer, profiles: parsedProfiles };
}

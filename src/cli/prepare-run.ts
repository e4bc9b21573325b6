/**
 * From `volley run`'s flags to a run ready to start: the scenario loaded (or URL mode's built),
 * and options merged as scenario < config file < --env-file < VOLLEY_* environment < flags.
 * Shared by `run`, `capacity` and the web UI's start form.
 */

import { isDefinedScenario, type ScenarioDefinition } from '../api/define.js';
import type { ScenarioSource } from '../cluster/protocol.js';
import { loadConfigFile } from '../config/config-file.js';
import { envLayer, loadEnvFile } from '../config/env-options.js';
import type { ProfileLoad } from '../config/profiles.js';
import { explicitOptions, type OptionLayer, resolveRunOptions } from '../config/resolve-options.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { loadScenarioFile } from '../runner/scenario-file.js';
import { VolleyError } from '../errors.js';
import { scenarioLayer } from '../runner/scenario-options.js';
import { urlScenario } from '../engine/url-scenario.js';
import type { UiFlags } from './run-ui.js';
import { volleyEntry } from './volley-entry.js';

export interface RunFlags extends UiFlags {
  locustfile?: string;
  host?: string;
  users?: string;
  spawnRate?: string;
  runTime?: string;
  iterations?: string;
  tags?: string;
  excludeTags?: string;
  headless?: boolean;
  json?: string;
  html?: string;
  csv?: string;
  junit?: string;
  md?: string;
  threshold?: string[];
  timeout?: string;
  gracefulStop?: string;
  envFile?: string;
  quiet?: boolean;
  seed?: string;
  connections?: string;
  maxRedirects?: string;
  insecure?: boolean;
  maxBodySize?: string;
  discardResponseBodies?: boolean;
  acceptEncoding?: string;
  /** False with --no-compression (commander makes it true otherwise). */
  compression?: boolean;
  showSecrets?: boolean;
  prometheus?: string;
  stages?: string;
  rate?: string;
  maxUsers?: string;
  distribution?: string;
  profile?: string;
  scenario?: string;
  config?: string;
  workers?: string;
  coordinator?: boolean;
  expectWorkers?: string;
  bind?: string;
  workerToken?: string;
  failOnWorkerLoss?: boolean;
  keepGoing?: boolean;
  baseline?: string;
  maxRegression?: string;
  save?: string | boolean;
  monitorPid?: string[];
  demo?: boolean;
  userClasses?: string[];
  url?: string;
  method: string;
  body?: string;
  header: string[];
}

/** Each flag's option and how the flag is spelled in messages. */
const FLAG_OPTIONS: readonly [keyof RunFlags, OptionName, string][] = [
  ['host', 'host', '-H/--host'],
  ['users', 'users', '-u/--users'],
  ['spawnRate', 'spawnRate', '-r/--spawn-rate'],
  ['runTime', 'durationMs', '-t/--run-time'],
  ['iterations', 'iterations', '--iterations'],
  ['tags', 'tags', '--tags'],
  ['excludeTags', 'excludeTags', '--exclude-tags'],
  ['json', 'json', '--json'],
  ['threshold', 'thresholds', '--threshold'],
  ['timeout', 'timeoutMs', '--timeout'],
  ['gracefulStop', 'gracefulStopMs', '--graceful-stop'],
  ['quiet', 'quiet', '-q/--quiet'],
  ['seed', 'seed', '--seed'],
  ['connections', 'connections', '--connections'],
  ['maxRedirects', 'maxRedirects', '--max-redirects'],
  ['insecure', 'insecure', '--insecure'],
  ['maxBodySize', 'maxBodySize', '--max-body-size'],
  ['discardResponseBodies', 'discardResponseBodies', '--discard-response-bodies'],
  ['acceptEncoding', 'acceptEncoding', '--accept-encoding'],
  ['showSecrets', 'showSecrets', '--show-secrets'],
  ['stages', 'stages', '--stages'],
  ['rate', 'rate', '--rate'],
  ['maxUsers', 'maxUsers', '--max-users'],
  ['distribution', 'distribution', '--distribution'],
  ['profile', 'profile', '--profile'],
  ['scenario', 'scenario', '--scenario'],
  ['workers', 'workers', '--workers'],
  ['userClasses', 'userClasses', 'user classes'],
];

/** What a run needs, from a scenario file or URL mode, with every option source merged. */
export interface PreparedRun {
  scenario: ScenarioDefinition<unknown>;
  exports: Record<string, unknown>;
  file: string | null;
  options: RunOptions;
  explicit: Set<OptionName>;
  urlMode: boolean;
  profiles: Record<string, ProfileLoad>;
  /** How worker threads rebuild the scenario. */
  source: ScenarioSource;
}

/** Loads the scenario (or builds URL mode's) and resolves options: shared by run and capacity. */
export async function prepareRun(fileArgument: string | undefined, flags: RunFlags): Promise<PreparedRun> {
  if (fileArgument !== undefined && flags.locustfile !== undefined && fileArgument !== flags.locustfile) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `give the scenario file once: '${fileArgument}' and -f '${flags.locustfile}'`,
    );
  }
  const file = fileArgument ?? flags.locustfile;
  if (file !== undefined && flags.url !== undefined) {
    throw new VolleyError('VOLLEY_E_USAGE', '--url runs without a scenario file; give one or the other');
  }
  if (file === undefined && flags.url === undefined) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      'nothing to run: give a scenario file (volley run load.ts) or --url <url>',
    );
  }
  const environment = { ...process.env };
  const config = await loadConfigFile(flags.config, volleyEntry());
  const fileVariables = flags.envFile === undefined ? {} : loadEnvFile(flags.envFile);

  let scenario: ScenarioDefinition<unknown>;
  let source: ScenarioSource;
  let exports: Record<string, unknown> = {};
  let baseLayer: OptionLayer;
  if (file !== undefined) {
    const loaded = await loadScenarioFile(file, volleyEntry());
    const candidate = loaded.exports.default;
    if (!isDefinedScenario(candidate)) {
      throw new VolleyError(
        'VOLLEY_E_SCENARIO',
        `${loaded.file}: no scenario found: the file needs \`export default defineScenario({ … })\``,
        { location: { file: loaded.file } },
      );
    }
    scenario = candidate;
    source = { kind: 'bundle', file: loaded.file, code: loaded.code };
    exports = loaded.exports;
    baseLayer = scenarioLayer(scenario, loaded.file);
  } else {
    const quick = urlScenario({
      url: flags.url as string,
      method: flags.method,
      body: flags.body,
      headers: flags.header,
    });
    scenario = quick.scenario;
    source = {
      kind: 'url',
      url: flags.url as string,
      method: flags.method,
      body: flags.body,
      headers: flags.header,
    };
    baseLayer = { host: { value: quick.host, origin: '--url' } };
  }
  const overrides = [
    config.layer,
    envLayer(fileVariables, flags.envFile ?? '.env'),
    envLayer(environment, 'environment'),
    flagLayer(flags),
  ];
  return {
    scenario,
    exports,
    file: file ?? null,
    options: resolveRunOptions([baseLayer, ...overrides]),
    explicit: explicitOptions(file === undefined ? [baseLayer, ...overrides] : overrides),
    urlMode: file === undefined,
    profiles: config.profiles,
    source,
  };
}

function flagLayer(flags: RunFlags): OptionLayer {
  const layer: OptionLayer = {};
  for (const [flag, option, spelled] of FLAG_OPTIONS) {
    const value = flags[flag];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    layer[option] = { value, origin: spelled };
  }
  if (flags.compression === false) {
    if (flags.acceptEncoding !== undefined)
      throw new VolleyError('VOLLEY_E_USAGE', 'give --accept-encoding or --no-compression, not both');
    layer.acceptEncoding = { value: false, origin: '--no-compression' };
  }
  return layer;
}

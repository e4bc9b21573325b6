/**
 * From `volley run`'s flags to a run ready to start: the scenario loaded (or URL mode's built),
 * and options merged as scenario < config file < --env-file < VOLLEY_* environment < flags.
 * Shared by `run`, `capacity` and the web UI's start form.
 */

import { isDefinedScenario, type ScenarioDefinition } from '../engine/scenario-definition.js';
import type { ScenarioSource } from '../cluster/protocol.js';
import { loadConfigFile } from '../config/config-file.js';
import { envLayer, loadEnvFile } from '../config/env-options.js';
import { flagOptionLayer, type OptionFlagValues } from '../config/option-flags.js';
import type { ProfileLoad } from '../config/profiles.js';
import { explicitOptions, type OptionLayer, resolveRunOptions } from '../config/resolve-options.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { VolleyError } from '../errors.js';
import { scenarioLayer } from '../runner/scenario-options.js';
import { urlScenario } from '../engine/url-scenario.js';
import type { UiFlags } from './run-ui.js';
import { volleyEntry } from './volley-entry.js';

/**
 * `volley run`'s flags as commander hands them back: the run options' flags (read off the option
 * table) and the command's own, which choose what to run and what to do around the run.
 */
export interface RunFlags extends UiFlags, OptionFlagValues {
  locustfile?: string;
  headless?: boolean;
  html?: string;
  csv?: string;
  junit?: string;
  md?: string;
  envFile?: string;
  prometheus?: string;
  prometheusLinger?: string;
  otlp?: string;
  otlpHeader?: string[];
  otlpInterval?: string;
  prometheusPush?: string;
  config?: string;
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
  out?: string[];
  demo?: boolean;
  url?: string;
  method: string;
  body?: string;
  header: string[];
}

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
  // Loading and bundling scenario files (esbuild, the cache) is imported when a file is loaded.
  const loadScenarioFile = async (path: string) =>
    (await import('../runner/scenario-file.js')).loadScenarioFile(path, volleyEntry());
  const config = await loadConfigFile(flags.config, async (module) => (await loadScenarioFile(module)).exports.default);
  const fileVariables = flags.envFile === undefined ? {} : loadEnvFile(flags.envFile);

  let scenario: ScenarioDefinition<unknown>;
  let source: ScenarioSource;
  let exports: Record<string, unknown> = {};
  let baseLayer: OptionLayer;
  if (file !== undefined) {
    const loaded = await loadScenarioFile(file);
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
    flagOptionLayer(flags),
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

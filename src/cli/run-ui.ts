/**
 * `volley run … --ui`: the live web UI around a run, as Locust has it. The page shows the start
 * form (users, spawn rate, run time, host and the user classes to run, prefilled from the run's
 * options) and the run starts when it is posted, unless `--autostart`; then live statistics and
 * charts, Edit (a new number of users for the running test), Reset stats, Stop, the statistics
 * as CSV, and the verdict with the HTML report and JSON result. The UI stays up after the run until Ctrl-C,
 * or for `--autoquit <seconds>`.
 */

import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import { formatDuration, parseDuration } from '../core/units/duration.js';
import { isVolleyError, VolleyError } from '../errors.js';
import { exportNames, userClassNames } from '../engine/compile-scenario.js';
import { type RunHandle, runName } from '../runner/start-run.js';
import type { UiStartForm, UiState } from '../ui/ui-messages.js';
import { UiOutput } from '../ui/ui-output.js';
import { setLongTimeout } from '../core/long-timeout.js';
import { UiServer } from '../ui/ui-server.js';
import { parseUiToken } from '../ui/ui-token.js';
import { VERSION } from '../version.js';
import type { PreparedRun, RunFlags } from './prepare-run.js';

export interface UiFlags {
  ui?: boolean;
  uiHost?: string;
  uiPort?: string;
  uiToken?: string;
  autostart?: boolean;
  autoquit?: string;
}

export interface UiSession {
  /** The run to start: posted from the form, or (the first time, with --autostart) as given. */
  nextRun(): Promise<PreparedRun>;
  /** The output of the run about to start; the page's Stop button calls `stop`. */
  output(stop: () => void): UiOutput;
  /** The run just started: the page's Edit, Reset stats and CSV downloads act on it. */
  attach(run: RunControls): void;
  /**
   * After a run: the next one, started from the page (New test, then the form), or undefined
   * once the user quits (Ctrl-C) or --autoquit's time is up.
   */
  afterRun(): Promise<PreparedRun | undefined>;
  close(): Promise<void>;
}

/** What the page does to a running test besides stopping it. */
export type RunControls = Pick<RunHandle, 'changeLoad' | 'resetStats' | 'resultSoFar'>;

/** Who the Result's notes say changed the load or reset the statistics. */
const FROM_THE_PAGE = 'from the web UI';

/**
 * Starts the UI server for a prepared run. The form's values are merged by `prepare`, which
 * re-reads the run with them as flags, so they are checked and merged exactly as -u, -r, -t and
 * -H would be; a refusal is shown beside the form.
 */
export async function openUi(
  prepared: PreparedRun,
  flags: RunFlags & UiFlags,
  prepare: (flags: RunFlags) => Promise<PreparedRun>,
): Promise<UiSession> {
  const port = flags.uiPort === undefined ? 8089 : parsePort(flags.uiPort);
  const autoquitMs = flags.autoquit === undefined ? null : parseSeconds(flags.autoquit, '--autoquit');
  const autostart = flags.autostart === true;
  const fixedLoad = fixedLoadOf(prepared);
  const token = uiTokenOf(flags);
  let starts = deferred<PreparedRun>();
  if (autostart) starts.resolve(prepared);
  let stop: () => void = () => undefined;
  let controls: RunControls | undefined;
  const classNames = userClassesOf(prepared.scenario, prepared.exports).map((c) => c.name);
  const server = new UiServer({
    host: flags.uiHost ?? '127.0.0.1',
    port,
    state: waitingState(prepared, flags, autostart, fixedLoad),
    onStart: async (form) => {
      const unknown = (form.userClasses ?? []).filter((name) => !classNames.includes(name));
      if (unknown.length > 0)
        return `User classes: this scenario has no '${unknown.join("', '")}' (its user classes: ${classNames.join(', ')})`;
      try {
        const chosen = withClasses(flags, form, classNames);
        const run = await prepare(fixedLoad === null ? withForm(chosen, form) : { ...chosen, host: form.host });
        server.update({ form });
        starts.resolve(run);
        return undefined;
      } catch (error) {
        if (isVolleyError(error)) return error.message;
        throw error;
      }
    },
    onStop: () => stop(),
    onLoad: (change) => refusalOf(() => controls?.changeLoad(change, FROM_THE_PAGE)),
    onReset: () => refusalOf(() => controls?.resetStats(FROM_THE_PAGE)),
    resultSoFar: () => controls?.resultSoFar(),
    ...(token === undefined ? {} : { token }),
  });
  const url = await listen(server, port);
  process.stderr.write(`Web UI: ${url}${autostart ? '' : ' (open it to start the run)'}\n`);
  return {
    nextRun: () => starts.promise,
    output: (handler) => {
      stop = handler;
      starts = deferred<PreparedRun>();
      return new UiOutput(server);
    },
    attach: (run) => {
      controls = run;
    },
    afterRun: () => {
      if (autoquitMs === null)
        process.stderr.write(`\nThe web UI stays up with the results: ${url} (New test there, or Ctrl-C to quit)\n`);
      return new Promise<PreparedRun | undefined>((resolve) => {
        const finish = (run: PreparedRun | undefined): void => {
          process.off('SIGINT', quit);
          process.off('SIGTERM', quit);
          timer?.clear();
          resolve(run);
        };
        const quit = (): void => finish(undefined);
        const timer = autoquitMs === null ? undefined : setLongTimeout(quit, autoquitMs);
        process.once('SIGINT', quit);
        process.once('SIGTERM', quit);
        void starts.promise.then(finish);
      });
    },
    close: () => server.close(),
  };
}

/** The page's first state: the form, before any run. */
function waitingState(prepared: PreparedRun, flags: RunFlags, autostart: boolean, fixedLoad: string | null): UiState {
  return {
    phase: 'waiting',
    scenario: runName(prepared.scenario, prepared.file),
    file: prepared.file,
    form: formOf(prepared),
    startable: !autostart,
    fixedLoad,
    // Remote workers leave when their run ends: a coordinator runs once.
    restartable: flags.coordinator !== true,
    userClasses: userClassesOf(prepared.scenario, prepared.exports),
    startedAt: null,
    version: VERSION,
  };
}

/** Listens, warning when the UI is reachable from other machines; resolves with the page's URL. */
async function listen(server: UiServer, port: number): Promise<string> {
  try {
    const listening = await server.listen();
    if (!listening.loopback) {
      process.stderr.write(
        `Warning: the web UI listens on ${new URL(listening.url).host}, reachable from other machines: anyone with its ` +
          'URL (and its token) can start load against any host. Share it only with people you trust.\n',
      );
    }
    return listening.url;
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--ui: cannot listen on port ${port}: ${(error as Error).message} (choose another with --ui-port)`,
    );
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The action's refusal as the page shows it (a VolleyError's message), or undefined when it was done. */
function refusalOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (isVolleyError(error)) return error.message;
    throw error;
  }
}

/** The form's ticked user classes as the flags' selection: every class ticked runs them all. */
function withClasses(flags: RunFlags, form: UiStartForm, classNames: readonly string[]): RunFlags {
  const chosen = form.userClasses;
  if (chosen === undefined) return flags;
  const all = classNames.length > 0 && classNames.every((name) => chosen.includes(name));
  return { ...flags, userClasses: all ? [] : chosen };
}

/** The form's values as the flags they stand for. */
function withForm(flags: RunFlags, form: UiStartForm): RunFlags {
  return {
    ...flags,
    users: String(form.users),
    spawnRate: String(form.spawnRate),
    host: form.host,
    ...(form.runTime === '' ? {} : { runTime: form.runTime }),
  };
}

/** The form's first values: the flags' load, else the scenario's plain `users` load, else the defaults. */
function formOf(prepared: PreparedRun): UiStartForm {
  const { options, explicit } = prepared;
  const load = (prepared.scenario.load ?? {}) as { users?: number; spawnRate?: number; duration?: string | number };
  const users = explicit.has('users') ? options.users : (load.users ?? options.users);
  const durationMs = explicit.has('durationMs')
    ? options.durationMs
    : load.duration === undefined
      ? options.durationMs
      : typeof load.duration === 'number'
        ? load.duration * 1000 // seconds, as every bare-number duration
        : parseDuration(load.duration, 'load.duration');
  return {
    users,
    spawnRate: explicit.has('spawnRate') ? options.spawnRate : (load.spawnRate ?? users),
    runTime: durationMs === null ? '' : formatDuration(durationMs),
    host: options.host ?? '',
    ...(options.userClasses.length > 0 ? { userClasses: [...options.userClasses] } : {}),
  };
}

/**
 * What the run's load is when the form's users, spawn rate and run time cannot stand for it:
 * the flags already chose another model, or the scenario defines one. Null for a plain users load.
 */
function fixedLoadOf(prepared: PreparedRun): string | null {
  const { options, explicit, scenario } = prepared;
  if (options.rate !== null) return 'an arrival rate, from --rate';
  if (options.stages !== null) return 'stages, from --stages';
  if (options.profile !== null) return `the profile '${options.profile}'`;
  if (explicit.has('users') || explicit.has('spawnRate') || explicit.has('durationMs')) return null;
  if (scenario.scenarios !== undefined) return 'several scenarios';
  const load = scenario.load;
  if (load === undefined) return null;
  if ('stages' in load) return 'rate' in load || 'startRate' in load ? 'a ramping arrival rate' : 'stages';
  if ('rate' in load) return 'an arrival rate';
  if ('shape' in load) return 'a load shape';
  if ('steps' in load) return 'steps';
  if ('iterationsPerUser' in load) return 'iterations per user';
  return null;
}

function userClassesOf(
  scenario: ScenarioDefinition<unknown>,
  exports: Record<string, unknown>,
): { name: string; weight: number }[] {
  const names = userClassNames(scenario.users, exportNames(exports));
  return names.map((name, index) => {
    const weight = (scenario.users?.[index] as { weight?: number } | undefined)?.weight;
    return { name, weight: weight ?? 1 };
  });
}

/** --ui-token, else VOLLEY_UI_TOKEN; undefined lets the UI generate one when it needs one. */
function uiTokenOf(flags: UiFlags): string | undefined {
  if (flags.uiToken !== undefined) return parseUiToken(flags.uiToken, '--ui-token');
  const env = process.env.VOLLEY_UI_TOKEN;
  return env === undefined || env === '' ? undefined : parseUiToken(env, 'VOLLEY_UI_TOKEN');
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new VolleyError('VOLLEY_E_USAGE', `--ui-port: expected a port number 0–65535, got '${text}'`);
  return port;
}

function parseSeconds(text: string, flag: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected a number of seconds >= 0, got '${text}'`);
  return seconds * 1000;
}

/**
 * `volley run [file]`: load-test with a scenario file, or a single URL (`--url`). Flags follow
 * Locust's names where Locust has one; the run options' flags come from the option table
 * (config/option-table.ts). Options merge as: scenario < config file < --env-file < VOLLEY_*
 * environment variables < flags.
 */

import type { Command } from 'commander';
import type { CoordinatorServer } from '../cluster/coordinator-server.js';
import { OPTION_TABLE } from '../config/option-table.js';
import { VolleyError } from '../errors.js';
import type { Output } from '../outputs/output.js';
import { parseMonitorPids } from './bench-command.js';
import { startDemoProcess } from './demo-process.js';
import { otlpOutput, otlpSettings } from './otlp-flags.js';
import { claimsStdout, parseOutFlags, streamOutputs } from './out-flags.js';
import { finishPrometheus, preparePrometheus } from './prometheus-flags.js';
import { exitCodeFor } from './exit-codes.js';
import { handleInterrupts } from './interrupts.js';
import { checkOutputPaths } from './output-paths.js';
import { type PreparedRun, prepareRun, type RunFlags } from './prepare-run.js';
import { groupRunHelp } from './run-help.js';
import { runCommandFlags } from './run-command-flags.js';
import { addRunOptionFlags } from './run-option-flags.js';
import type { UiSession } from './run-ui.js';
import { describeReports, reportOutputs, withReportFlags } from './report-outputs.js';
import { parseAddress } from './worker-command.js';

// What only some runs need (the demo, the web UI, a coordinator, a baseline, the history) and
// the run itself are imported where they are used: `volley --help`, `volley compare` and a
// plain `volley run --url` then load none of what they do not use.

export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  const command = program
    .command('run')
    .description('run a load test from a scenario file, or against one URL with --url')
    .argument('[file]', 'scenario file (TypeScript or JavaScript)')
    .argument('[userClasses...]', OPTION_TABLE.userClasses.help);
  // The report flags first: --json is one of them as well as a run option.
  withReportFlags(command, 'the run');
  addRunOptionFlags(command);
  for (const { option } of runCommandFlags()) command.addOption(option);
  groupRunHelp(command);
  command.action(async (fileArgument: string | undefined, userClasses: string[], flags: RunFlags) => {
    setExitCode(await runWithArguments(fileArgument, userClasses, flags));
  });
}

/** `volley run`'s positional arguments: a file and user classes, or Locust's `-f file Class…`. */
function runWithArguments(fileArgument: string | undefined, userClasses: string[], flags: RunFlags): Promise<number> {
  // Locust's own form, `-f load.ts LeaseUser`: with -f, every positional names a class.
  const file = flags.locustfile === undefined ? fileArgument : undefined;
  const classes =
    flags.locustfile !== undefined && fileArgument !== undefined && fileArgument !== flags.locustfile
      ? [fileArgument, ...userClasses]
      : userClasses;
  if (flags.url !== undefined && classes.length > 0) {
    throw new VolleyError('VOLLEY_E_USAGE', `--url runs one request, no user classes: drop '${classes.join(' ')}'`);
  }
  return runCommand(file, { ...flags, userClasses: classes });
}

export async function runCommand(fileArgument: string | undefined, flags: RunFlags): Promise<number> {
  if (flags.demo !== true) {
    if (flags.monitorPid?.some((pid) => pid.trim() === 'demo') === true) {
      throw new VolleyError('VOLLEY_E_USAGE', '--monitor-pid demo: needs --demo (it watches the demo service volley starts)');
    }
    return runPrepared(fileArgument, flags);
  }
  if (flags.host !== undefined || flags.url !== undefined) {
    throw new VolleyError('VOLLEY_E_USAGE', '--demo is the target: drop -H/--host and --url');
  }
  const service = await startDemoProcess();
  process.stderr.write(`Demo service on ${service.url}\n`);
  // The demo's gRPC ledger, for scenarios (and worker threads, which copy this environment).
  process.env.VOLLEY_DEMO_GRPC = service.grpcTarget;
  process.env.VOLLEY_DEMO_GRPC_PROTO = (await import('../demo/index.js')).LEDGER_PROTO;
  // Before the scenario loads, so it can reach the demo's other listeners (HTTP/2 over TLS).
  process.env.VOLLEY_DEMO_URL = service.url;
  process.env.VOLLEY_DEMO_TLS_URL = service.tlsUrl;
  // `--monitor-pid demo` watches the demo service's process, whose pid the user cannot know.
  const monitorPid = (flags.monitorPid ?? []).map((pid) => (pid.trim() === 'demo' ? String(service.pid) : pid));
  try {
    return await runPrepared(fileArgument, { ...flags, host: service.url, monitorPid });
  } finally {
    await service.close();
  }
}

async function runPrepared(fileArgument: string | undefined, flags: RunFlags): Promise<number> {
  const prepared = await prepareRun(fileArgument, flags);
  if (flags.ui !== true) return runOnce(prepared, flags, undefined);
  // With the web UI, runs follow one another as the page starts them; the last one's code stands.
  const { openUi } = await import('./run-ui.js');
  const ui = await openUi(prepared, flags, (form) => prepareRun(fileArgument, form));
  try {
    let next: PreparedRun | undefined = await ui.nextRun();
    let code = 0;
    while (next !== undefined) {
      code = await runOnce(next, flags, ui);
      next = await ui.afterRun();
    }
    return code;
  } finally {
    await ui.close();
  }
}

/** The outputs of one run, from the flags: live ones, the summary, streams and report files. */
async function runOutputs(prepared: PreparedRun, flags: RunFlags, ui: UiSession | undefined, stop: () => void) {
  const outputs: Output[] = [];
  if (ui !== undefined) outputs.push(ui.output(stop));
  const { runName } = await import('../runner/start-run.js');
  const prometheus = await preparePrometheus(flags, runName(prepared.scenario, prepared.file));
  if (prometheus !== undefined) outputs.push(prometheus.output);
  const otlp = otlpSettings(flags);
  if (otlp !== undefined) outputs.push(await otlpOutput(otlp));
  const streams = parseOutFlags(flags.out ?? []);
  // With a stream on stdout (`--out ndjson=-`), what people read goes to stderr.
  const text = claimsStdout(streams) ? process.stderr : process.stdout;
  if (!prepared.options.quiet) {
    const { LiveStatusOutput } = await import('../outputs/live-status.js');
    outputs.push(new LiveStatusOutput(process.stderr));
  }
  const { SummaryOutput } = await import('../outputs/summary-output.js');
  outputs.push(new SummaryOutput(text));
  outputs.push(...streamOutputs(streams));
  const reports = { ...flags, json: prepared.options.json ?? undefined };
  checkOutputPaths(reports);
  outputs.push(...(await reportOutputs(reports)));
  return { outputs, text, reports, prometheus };
}

async function runOnce(prepared: PreparedRun, flags: RunFlags, ui: UiSession | undefined): Promise<number> {
  const { scenario, exports, file, options, explicit, urlMode, profiles, source } = prepared;
  let stop: () => void = () => undefined;
  const { outputs, text, reports, prometheus } = await runOutputs(prepared, flags, ui, () => stop());

  // Check the monitored processes before anything runs: a typo fails at once.
  const monitorPids = parseMonitorPids(flags.monitorPid ?? []);
  if (monitorPids.length > 0) (await import('../monitor/index.js')).checkPids(monitorPids);
  // Read the baseline before the run, so a bad file fails in a second, not after a long run.
  const baseline =
    flags.baseline === undefined
      ? undefined
      : {
          path: flags.baseline,
          result: await (await import('../metrics/result-reader.js')).readResultFile(flags.baseline, 'baseline'),
        };
  const transport = flags.coordinator === true ? await coordinatorFor(flags) : undefined;
  const { startRun } = await import('../runner/start-run.js');
  const handle = startRun({
    scenario,
    exports,
    file,
    source:
      transport !== undefined && source.kind === 'bundle'
        ? { ...source, code: await (await import('../runner/scenario-file.js')).bundleStandalone(source.file) }
        : source,
    ...(transport === undefined ? {} : { transport, failOnWorkerLoss: flags.failOnWorkerLoss === true }),
    monitorPids,
    keepGoing: flags.keepGoing === true,
    options,
    explicit,
    profiles,
    outputs,
    discardBodies: urlMode,
  });
  const release = handleInterrupts(handle, {
    keyboard: flags.headless !== true && process.stdin.isTTY === true,
    stderr: process.stderr,
  });
  stop = () => handle.stop();
  ui?.attach(handle);
  try {
    const result = await handle.result;
    const written = describeReports(reports);
    if (written.length > 0)
      text.write(`\nReports\n${written.map((line) => `  ${line}`).join('\n')}\n`);
    let code = exitCodeFor(result.outcome);
    if (flags.save !== undefined) {
      const { DEFAULT_HISTORY_DIR, saveToHistory } = await import('../compare/history-store.js');
      const saved = await saveToHistory(
        result,
        typeof flags.save === 'string' ? flags.save : DEFAULT_HISTORY_DIR,
      );
      text.write(`Saved to the history: ${saved}\n`);
    }
    if (baseline !== undefined) {
      text.write('\n');
      const { compareWithBaseline } = await import('./compare-command.js');
      const compared = await compareWithBaseline(result, baseline, {
        ...(flags.maxRegression === undefined ? {} : { maxRegression: flags.maxRegression }),
      });
      // An aborted run (3) stays aborted; a regression makes a passed run fail (1).
      code = Math.max(code, compared);
    }
    return code;
  } finally {
    release();
    if (prometheus !== undefined) await finishPrometheus(prometheus);
  }
}

/** A distributed run's coordinator: listening, waiting for its workers. */
async function coordinatorFor(flags: RunFlags): Promise<CoordinatorServer> {
  const expect = Number(flags.expectWorkers);
  if (flags.expectWorkers === undefined || !Number.isInteger(expect) || expect < 1) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `--expect-workers: expected a number of workers >= 1, got '${flags.expectWorkers ?? ''}'`,
    );
  }
  const bind = parseAddress(flags.bind ?? '127.0.0.1:5557', '--bind');
  const token = flags.workerToken ?? process.env.VOLLEY_WORKER_TOKEN ?? null;
  const { isLoopbackAddress } = await import('../outputs/http-guard.js');
  if (token === null && !isLoopbackAddress(bind.host)) {
    // A worker receives the scenario's bundle and setup data, and its figures enter the verdict.
    process.stderr.write(
      `Warning: the coordinator listens on ${bind.host} without --worker-token: anyone who reaches ` +
        `this port can join as a worker, receive the scenario and its setup data, and send figures.\n`,
    );
  }
  const { CoordinatorServer } = await import('../cluster/coordinator-server.js');
  const server = new CoordinatorServer({
    ...bind,
    expectWorkers: expect,
    token,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const address = await server.listen();
  process.stderr.write(
    `Coordinator listening on ${address.host}:${address.port}; waiting for ${expect} workers ` +
      `(volley worker --connect ${address.host}:${address.port}).\n`,
  );
  return server;
}

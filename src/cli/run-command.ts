/**
 * `volley run [file]`: load-test with a scenario file, or a single URL (`--url`). Flags follow
 * Locust's names where Locust has one. Options merge as: scenario < --env-file < VOLLEY_*
 * environment variables < flags.
 */

import type { Command } from 'commander';
import { CoordinatorServer } from '../cluster/coordinator-server.js';
import { bundleStandalone } from '../runner/scenario-file.js';
import { VolleyError } from '../errors.js';
import { DEFAULT_HISTORY_DIR, saveToHistory } from '../history/history-store.js';
import { isLoopbackAddress } from '../outputs/http-guard.js';
import { LiveStatusOutput } from '../outputs/live-status.js';
import { PrometheusOutput } from '../outputs/prometheus/index.js';
import type { Output } from '../outputs/output.js';
import { SummaryOutput } from '../outputs/summary-output.js';
import { runName, startRun } from '../runner/start-run.js';
import { checkPids } from '../monitor/index.js';
import { parseMonitorPids } from './bench-command.js';
import { compareWithBaseline, readResultFile } from './compare-command.js';
import { startDemoProcess } from './demo-process.js';
import { exitCodeFor } from './exit-codes.js';
import { handleInterrupts } from './interrupts.js';
import { checkOutputPaths } from './output-paths.js';
import { type PreparedRun, prepareRun, type RunFlags } from './prepare-run.js';
import { groupRunHelp } from './run-help.js';
import { openUi, type UiSession } from './run-ui.js';
import { describeReports, reportOutputs, withReportFlags } from './report-outputs.js';
import { parseAddress } from './worker-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  const command = program
    .command('run')
    .description('run a load test from a scenario file, or against one URL with --url')
    .argument('[file]', 'scenario file (TypeScript or JavaScript)')
    .argument('[userClasses...]', 'run only these user classes, as Locust does: volley run load.ts LeaseUser')
    .option('-f, --locustfile <file>', 'scenario file (alias of the positional argument)')
    .option('-H, --host <url>', 'base URL for relative request paths')
    .option('--demo', 'start the embedded demo service on a free loopback port and run against it')
    .option('-u, --users <n>', 'concurrent virtual users (default 1)')
    .option('-r, --spawn-rate <n>', 'users started per second (default: all within 1s)')
    .option('-t, --run-time <duration>', 'stop after this long: 30s, 5m, 1h30m')
    .option('--iterations <n>', 'stop after this many task iterations in total')
    .option(
      '--stages <stages>',
      "users following stages, replacing the scenario's load: '30s:100,5m:100,30s:0'",
    )
    .option(
      '--rate <rate>',
      "open model: start iterations at this rate, replacing the scenario's load: 200/s",
    )
    .option('--max-users <n>', 'open model: most users to start (arrivals beyond are dropped and counted)')
    .option('--distribution <even|poisson>', 'open model: evenly spaced or Poisson arrivals')
    .option('--profile <name>', 'a named load: quick, moderate, heavy, stress, normal, peak, extreme')
    .option('--scenario <name>', "run only this one of the file's named scenarios")
    .option('--workers <n|auto>', 'worker threads sharing the load (default auto: one per core, up to 16; 1: this process)')
    .option(
      '--coordinator',
      'distributed run: wait for remote workers (volley worker --connect) and share the load',
    )
    .option('--expect-workers <n>', 'coordinator: how many workers to wait for')
    .option('--bind <host:port>', 'coordinator: where workers connect', '127.0.0.1:5557')
    .option('--worker-token <token>', 'coordinator: the token workers must present (or VOLLEY_WORKER_TOKEN)')
    .option('--fail-on-worker-loss', 'coordinator: stop the run when a worker is lost')
    .option('--baseline <result.json>', 'compare the result with this saved result; exit 1 if it regressed')
    .option('--max-regression <percent>', 'with --baseline: the smallest change that counts (default 10%)')
    .option('--save [dir]', 'keep the result in the run history (default .volley/history)')
    .option(
      '--monitor-pid <pid>',
      "also sample CPU and memory of this process (Linux /proc), repeatable; 'demo' with --demo",
      collect,
      [],
    )
    .option('--tags <tags>', 'only run tasks with one of these tags (comma-separated)')
    .option('--exclude-tags <tags>', 'never run tasks with one of these tags (comma-separated)')
    .option('--headless', 'no keyboard control: do not read stdin (default when stdin is not a terminal)')
    .option('--prometheus <[host:]port>', 'serve live metrics for Prometheus at http://host:port/metrics during the run (host default 127.0.0.1)')
    .option('--ui', 'serve the live web UI (http://127.0.0.1:8089): a start form, live statistics and charts, Stop, the reports')
    .option('--ui-port <port>', 'with --ui: the port (default 8089; 0 for any free port)')
    .option('--ui-host <host>', 'with --ui: the address to bind (default 127.0.0.1; any other than loopback requires the token)')
    .option('--ui-token <token>', 'with --ui: the token the page must present (or VOLLEY_UI_TOKEN; generated when --ui-host is not loopback)')
    .option('--autostart', 'with --ui: start the run at once instead of waiting for the form')
    .option('--autoquit <seconds>', 'with --ui: quit this many seconds after the run ends (default: stay up until Ctrl-C)')
    .option(
      '--threshold <expr>',
      "pass/fail criterion, repeatable: 'p95<300ms', 'AuthUser:successRate>=99%'",
      collect,
      [],
    )
    .option('--timeout <duration>', 'default per-request timeout (default 60s)')
    .option(
      '--graceful-stop <duration>',
      'time users get to finish their task when the run stops (default 30s)',
    )
    .option('--env-file <path>', 'load variables from a dotenv file (VOLLEY_* set options)')
    .option(
      '--config <file>',
      'config file with option defaults and profiles (default: ./volley.config.{ts,mjs,js,json})',
    )
    .option('-q, --quiet', 'no live progress line')
    .option('--keep-going', 'run on even when every request of the first 3s fails to connect (default: stop, exit 1)')
    .option('--seed <n>', 'seed for task choice and wait times (default 1)')
    .option('--connections <n>', 'keep-alive connections per user and origin (default 6)')
    .option('--max-redirects <n>', 'redirects a request follows (default 10; 0: none)')
    .option('--insecure', "accept any TLS certificate (a test system's self-signed one)")
    .option('--max-body-size <size>', 'response body bytes kept for the script, e.g. 4MiB (default 4MiB)')
    .option('--discard-response-bodies', 'count response bodies without keeping them')
    .option('--accept-encoding <list>', "accept-encoding sent with requests (default 'gzip, deflate, br')")
    .option('--no-compression', 'send no accept-encoding (ask for uncompressed responses)')
    .option('--show-secrets', 'show authorization, cookies and token parameters in errors and reports (hidden by default)')
    .option('--url <url>', 'URL mode: load-test this one URL, no scenario file needed')
    .option('-m, --method <method>', 'URL mode: HTTP method', 'GET')
    .option('--body <text>', 'URL mode: request body')
    .option('--header <header>', "URL mode: request header 'name: value', repeatable", collect, []);
  withReportFlags(command, 'the run');
  groupRunHelp(command);
  command.action(
    async (fileArgument: string | undefined, userClasses: string[], flags: RunFlags) => {
      // Locust's own form, `-f load.ts LeaseUser`: with -f, every positional names a class.
      const file = flags.locustfile === undefined ? fileArgument : undefined;
      const classes =
        flags.locustfile !== undefined && fileArgument !== undefined && fileArgument !== flags.locustfile
          ? [fileArgument, ...userClasses]
          : userClasses;
      if (flags.url !== undefined && classes.length > 0) {
        throw new VolleyError('VOLLEY_E_USAGE', `--url runs one request, no user classes: drop '${classes.join(' ')}'`);
      }
      setExitCode(await runCommand(file, { ...flags, userClasses: classes }));
    },
  );
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

async function runOnce(prepared: PreparedRun, flags: RunFlags, ui: UiSession | undefined): Promise<number> {
  const { scenario, exports, file, options, explicit, urlMode, profiles, source } = prepared;
  const outputs: Output[] = [];
  let stop: () => void = () => undefined;
  if (ui !== undefined) outputs.push(ui.output(() => stop()));
  const prometheus = flags.prometheus === undefined ? undefined : await prometheusOutput(flags.prometheus, prepared);
  if (prometheus !== undefined) outputs.push(prometheus);
  if (!options.quiet) outputs.push(new LiveStatusOutput(process.stderr));
  outputs.push(new SummaryOutput(process.stdout));
  const reports = { ...flags, json: options.json ?? undefined };
  checkOutputPaths(reports);
  outputs.push(...reportOutputs(reports));

  // Check the monitored processes before anything runs: a typo fails at once.
  const monitorPids = parseMonitorPids(flags.monitorPid ?? []);
  if (monitorPids.length > 0) checkPids(monitorPids);
  // Read the baseline before the run, so a bad file fails in a second, not after a long run.
  const baseline =
    flags.baseline === undefined
      ? undefined
      : { path: flags.baseline, result: await readResultFile(flags.baseline, 'baseline') };
  const transport = flags.coordinator === true ? await coordinatorFor(flags) : undefined;
  const handle = startRun({
    scenario,
    exports,
    file,
    source:
      transport !== undefined && source.kind === 'bundle'
        ? { ...source, code: await bundleStandalone(source.file) }
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
  try {
    const result = await handle.result;
    const written = describeReports(reports);
    if (written.length > 0)
      process.stdout.write(`\nReports\n${written.map((line) => `  ${line}`).join('\n')}\n`);
    let code = exitCodeFor(result.outcome);
    if (flags.save !== undefined) {
      const saved = await saveToHistory(
        result,
        typeof flags.save === 'string' ? flags.save : DEFAULT_HISTORY_DIR,
      );
      process.stdout.write(`Saved to the history: ${saved}\n`);
    }
    if (baseline !== undefined) {
      process.stdout.write('\n');
      const compared = await compareWithBaseline(result, baseline, {
        ...(flags.maxRegression === undefined ? {} : { maxRegression: flags.maxRegression }),
      });
      // An aborted run (3) stays aborted; a regression makes a passed run fail (1).
      code = Math.max(code, compared);
    }
    return code;
  } finally {
    release();
    await prometheus?.close();
  }
}

/** `--prometheus [host:]port`: the /metrics endpoint, listening before the run starts. */
async function prometheusOutput(address: string, prepared: PreparedRun): Promise<PrometheusOutput> {
  const { host, port } = parseAddress(/^\d+$/.test(address.trim()) ? `127.0.0.1:${address.trim()}` : address, '--prometheus');
  const output = new PrometheusOutput({ host, port, scenario: runName(prepared.scenario, prepared.file) });
  try {
    process.stderr.write(`Prometheus metrics: ${await output.listen()}\n`);
  } catch (error) {
    throw new VolleyError('VOLLEY_E_USAGE', `--prometheus: cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  return output;
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
  if (token === null && !isLoopbackAddress(bind.host)) {
    // A worker receives the scenario's bundle and setup data, and its figures enter the verdict.
    process.stderr.write(
      `Warning: the coordinator listens on ${bind.host} without --worker-token: anyone who reaches ` +
        `this port can join as a worker, receive the scenario and its setup data, and send figures.\n`,
    );
  }
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

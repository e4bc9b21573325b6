/**
 * `volley demo`: start the embedded demo service on a free loopback port and run the Platform API
 * example (examples/platform-api) against it, ending in the summary and the report files.
 * `volley demo --serve` only starts the service, for trying scenarios by hand.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import type { DemoServerOptions } from '../demo/index.js';
import { packageRoot } from '../core/package-files.js';
import { VolleyError } from '../errors.js';
import { startDemoProcess } from './demo-process.js';
import { EXIT_PASSED } from './exit-codes.js';
import { runCommand } from './run-command.js';
import { runOptionFlag } from './run-option-flags.js';

interface DemoFlags {
  serve?: boolean;
  exitOnStdinEnd?: boolean;
  port: string;
  latency: string;
  jitter: string;
  errorRate: string;
  degrade?: string;
  uploadLimit?: string;
  generationStage?: string;
  seed?: string;
  users: string;
  spawnRate: string;
  runTime: string;
  json: string;
  html: string;
  headless?: boolean;
  quiet?: boolean;
  ui?: boolean;
  uiPort?: string;
}

export function registerDemoCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('demo')
    .description('run the Platform API example against the embedded demo service (or just serve it)')
    .option('--serve', 'only start the demo service and keep it running until Ctrl-C')
    // For `run --demo`: the service volley starts leaves with it, even when volley is killed.
    .addOption(new Option('--exit-on-stdin-end').hideHelp())
    .option('--port <n>', 'port for --serve (0 picks a free one)', '0')
    .option('--latency <ms>', 'added latency of /api/* responses, ms', '2')
    .option('--jitter <ms>', 'plus a random 0..jitter ms', '6')
    .option('--error-rate <fraction>', 'fraction of API requests answered 500', '0')
    .option(
      '--degrade <rps>',
      'past this many requests/s, latency grows with the excess (for capacity demos)',
    )
    .option('--upload-limit <n>', 'uploads per user per hour before 429 (default 10)')
    .option('--generation-stage <ms>', 'how long a generation task stays queued, then running (default 200)')
    .option('--seed <n>', 'seed of the random latency and failures')
    .addOption(runOptionFlag('users', 'virtual users for the demo run').default('60'))
    .addOption(runOptionFlag('spawnRate', 'users started per second in the demo run').default('20'))
    .addOption(runOptionFlag('durationMs', 'length of the demo run').default('20s'))
    .addOption(runOptionFlag('json', 'where to write the result document').default('results/demo-result.json'))
    .option('--html <file>', 'where to write the HTML report', 'results/demo-report.html')
    .option('--headless', 'no keyboard control')
    .addOption(runOptionFlag('quiet'))
    .option('--ui', 'start and watch the demo run from the web UI (http://127.0.0.1:8089)')
    .option('--ui-port <port>', 'with --ui: the port (default 8089)')
    .action(async (flags: DemoFlags) => {
      setExitCode(await demo(flags));
    });
}

async function demo(flags: DemoFlags): Promise<number> {
  const options = serviceOptions(flags);
  if (flags.serve === true) return serve(options, flags.exitOnStdinEnd === true);
  const scenario = join(packageRoot(), 'examples', 'platform-api', 'platform.ts');
  if (!existsSync(scenario)) {
    throw new VolleyError('VOLLEY_E_IO', `the Platform API example is missing from this install: ${scenario}`);
  }
  const service = await startDemoProcess(serviceArgs(flags));
  process.stdout.write(
    `Demo service on ${service.url}; running examples/platform-api/platform.ts ` +
      `(${flags.users} users, ${flags.spawnRate}/s) for ${flags.runTime}.\n`,
  );
  try {
    return await runCommand(scenario, {
      host: service.url,
      users: flags.users,
      spawnRate: flags.spawnRate,
      runTime: flags.runTime,
      json: flags.json,
      html: flags.html,
      ...(flags.headless === true ? { headless: true } : {}),
      ...(flags.quiet === true ? { quiet: true } : {}),
      ...(flags.ui === true ? { ui: true } : {}),
      ...(flags.uiPort === undefined ? {} : { uiPort: flags.uiPort }),
      method: 'GET',
      header: [],
      threshold: [],
    });
  } finally {
    await service.close();
  }
}

/** The service's knobs, checked here so a bad one fails before anything starts. */
function serviceOptions(flags: DemoFlags): DemoServerOptions {
  return {
    port: number(flags.port, '--port'),
    latency: { fixedMs: number(flags.latency, '--latency'), jitterMs: number(flags.jitter, '--jitter') },
    errorRate: number(flags.errorRate, '--error-rate'),
    ...(flags.degrade === undefined ? {} : { degrade: { capacityRps: number(flags.degrade, '--degrade') } }),
    ...(flags.uploadLimit === undefined
      ? {}
      : { uploads: { perWindow: number(flags.uploadLimit, '--upload-limit') } }),
    ...(flags.generationStage === undefined
      ? {}
      : { generation: { stageMs: number(flags.generationStage, '--generation-stage') } }),
    ...(flags.seed === undefined ? {} : { seed: number(flags.seed, '--seed') }),
  };
}

/** The same knobs as flags of the child's `demo --serve`. */
function serviceArgs(flags: DemoFlags): string[] {
  const args = ['--latency', flags.latency, '--jitter', flags.jitter, '--error-rate', flags.errorRate];
  if (flags.degrade !== undefined) args.push('--degrade', flags.degrade);
  if (flags.uploadLimit !== undefined) args.push('--upload-limit', flags.uploadLimit);
  if (flags.generationStage !== undefined) args.push('--generation-stage', flags.generationStage);
  if (flags.seed !== undefined) args.push('--seed', flags.seed);
  return args;
}

async function serve(options: DemoServerOptions, exitOnStdinEnd: boolean): Promise<number> {
  const { LEDGER_PROTO, startDemoServer } = await import('../demo/index.js');
  const server = await startDemoServer(options);
  // One write, so a parent reading the listening line (demo-process.ts) finds the others with it.
  process.stdout.write(
    `volley demo gRPC ledger on ${server.grpcTarget} (proto: ${LEDGER_PROTO})\n` +
      `volley demo service listening on ${server.url} (Ctrl-C to stop)\n` +
      `volley demo service TLS on ${server.tlsUrl} (HTTP/2 and HTTP/1.1, self-signed test certificate: use insecure; h2c also on the port above)\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (exitOnStdinEnd) {
      process.stdin.once('end', resolve);
      process.stdin.once('error', resolve);
      process.stdin.resume();
    }
  });
  await server.close();
  return EXIT_PASSED;
}

function number(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected a number >= 0, got '${text}'`);
  }
  return value;
}

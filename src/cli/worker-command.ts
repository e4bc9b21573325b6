/**
 * `volley worker --connect host:5557`: joins a coordinator (`volley run … --coordinator`), runs
 * the share of the load it is assigned, and exits when the run ends. The worker itself is
 * cluster/remote-worker.ts; this file registers the command and maps how it ended to an exit code.
 */

import type { Command } from 'commander';
import type { RemoteWorkerEnd } from '../cluster/remote-worker.js';
import { VolleyError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_PASSED } from './exit-codes.js';
import { volleyEntry } from './volley-entry.js';

interface WorkerFlags {
  connect: string;
  workerToken?: string;
  connectTimeout: string;
}

export function registerWorkerCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('worker')
    .description('join a distributed run: connect to a coordinator and run a share of its load')
    .requiredOption('--connect <host:port>', "the coordinator's address (volley run … --coordinator)")
    .option('--worker-token <token>', 'the token the coordinator expects (or VOLLEY_WORKER_TOKEN)')
    .option('--connect-timeout <seconds>', 'keep retrying the connection this long', '60')
    .action(async (flags: WorkerFlags) => {
      setExitCode(await work(flags));
    });
}

const EXIT_CODES: Readonly<Record<RemoteWorkerEnd, number>> = {
  done: EXIT_PASSED,
  refused: EXIT_BAD_INPUT,
  failed: EXIT_FAILED,
};

async function work(flags: WorkerFlags): Promise<number> {
  const address = parseAddress(flags.connect, '--connect');
  const { joinCoordinator } = await import('../cluster/remote-worker.js');
  const end = await joinCoordinator({
    url: `ws://${address.host}:${address.port}`,
    token: flags.workerToken ?? process.env.VOLLEY_WORKER_TOKEN,
    connectTimeoutMs: Number(flags.connectTimeout) * 1000,
    volleyEntry: volleyEntry(),
  });
  return EXIT_CODES[end];
}

export function parseAddress(text: string, flag: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  const port = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !(port >= 0 && port <= 65_535)) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected host:port like 127.0.0.1:5557, got '${text}'`);
  }
  return { host: (match[1] ?? match[2]) as string, port };
}

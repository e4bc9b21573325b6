/**
 * `volley worker --connect host:5557`: joins a coordinator (`volley run … --coordinator`), runs
 * the share of the load it is assigned, and exits when the run ends. The coordinator sends the
 * scenario itself (one self-contained bundle), so workers need only volley installed.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import WebSocket from 'ws';
import {
  type FromWorker,
  PROTOCOL_VERSION,
  type ToWorker,
  type WorkerAssignment,
} from '../cluster/protocol.js';
import { decodeFrame } from '../cluster/wire.js';
import { toWorkerSchema } from '../cluster/wire-schema.js';
import { VOLLEY_ENTRY_PLACEHOLDER } from '../config/scenario-file.js';
import { VolleyError } from '../errors.js';
import { runSegment } from '../runner/segment-runner.js';
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

async function work(flags: WorkerFlags): Promise<number> {
  const address = parseAddress(flags.connect, '--connect');
  const token = flags.workerToken ?? process.env.VOLLEY_WORKER_TOKEN;
  const socket = await connect(`ws://${address.host}:${address.port}`, Number(flags.connectTimeout) * 1000);
  const post = (message: FromWorker): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const handlers: ((message: ToWorker) => void)[] = [];
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let tempDir: string | undefined;
  const outcome = new Promise<number>((resolve) => {
    socket.on('message', (data, isBinary) => {
      const decoded = decodeFrame(toWorkerSchema, data, isBinary);
      if (!decoded.ok) {
        process.stderr.write(`volley: leaving the run: the coordinator sent ${decoded.problem}\n`);
        socket.close(4000, 'malformed message');
        resolve(EXIT_FAILED);
        return;
      }
      const message = decoded.message;
      switch (message.type) {
        case 'refused':
          process.stderr.write(`volley: the coordinator refused this worker: ${message.reason}\n`);
          resolve(EXIT_BAD_INPUT);
          return;
        case 'assign': {
          const assignment = prepare(message.assignment);
          tempDir = assignment.tempDir;
          process.stderr.write(`Assigned worker ${assignment.assignment.worker}; loading the scenario.\n`);
          void runSegment(
            assignment.assignment,
            { post, onMessage: (handler) => handlers.push(handler) },
            { started },
          ).then(() => {
            socket.close(1000, 'done');
            resolve(EXIT_PASSED);
          });
          return;
        }
        case 'start':
          markStarted();
          return;
        default:
          for (const handler of handlers) handler(message);
      }
    });
    socket.on('close', () => resolve(EXIT_FAILED));
    // ws closes the connection after an error (an oversized or invalid frame); say why.
    socket.on('error', (error) => process.stderr.write(`volley: connection to the coordinator failed: ${error.message}\n`));
  });
  post({ type: 'hello', version: PROTOCOL_VERSION, ...(token === undefined ? {} : { token }), host: hostname() });
  try {
    return await outcome;
  } finally {
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Writes the scenario bundle locally, pointing its `volley` import at this install. */
function prepare(assignment: WorkerAssignment): {
  assignment: WorkerAssignment;
  tempDir: string | undefined;
} {
  if (assignment.source.kind !== 'bundle') return { assignment, tempDir: undefined };
  const tempDir = mkdtempSync(join(tmpdir(), 'volley-worker-'));
  const file = join(tempDir, 'scenario.mjs');
  const entry = JSON.stringify(pathToFileURL(volleyEntry()).href);
  writeFileSync(file, assignment.source.code.replaceAll(JSON.stringify(VOLLEY_ENTRY_PLACEHOLDER), entry));
  return { assignment: { ...assignment, source: { ...assignment.source, file } }, tempDir };
}

/** Connects, retrying while the coordinator is not up yet. */
async function connect(url: string, timeoutMs: number): Promise<WebSocket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > deadline) {
        throw new VolleyError(
          'VOLLEY_E_USAGE',
          `--connect: cannot reach ${url}: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export function parseAddress(text: string, flag: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  const port = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !(port >= 0 && port <= 65_535)) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag}: expected host:port like 127.0.0.1:5557, got '${text}'`);
  }
  return { host: (match[1] ?? match[2]) as string, port };
}

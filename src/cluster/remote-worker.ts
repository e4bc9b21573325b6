/**
 * A remote worker's side of a distributed run (`volley worker --connect host:5557`): connects to
 * the coordinator (retrying while it is not up yet), says hello, decodes what the coordinator
 * sends, runs the share of the load it is assigned (segment-worker.ts) and ends when the run
 * does. The coordinator sends the scenario itself (one self-contained bundle), so workers need
 * only volley installed. How it ended is the caller's to map to an exit code.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { VolleyError } from '../errors.js';
import {
  type FromWorker,
  PROTOCOL_VERSION,
  type ToWorker,
  VOLLEY_ENTRY_PLACEHOLDER,
  type WorkerAssignment,
} from './protocol.js';
import { runSegment } from './segment-worker.js';
import { decodeFrame } from './wire.js';
import { toWorkerSchema } from './wire-schema.js';

export interface RemoteWorkerOptions {
  /** `ws://host:port` of the coordinator. */
  url: string;
  token: string | undefined;
  /** Keep retrying the connection this long. */
  connectTimeoutMs: number;
  /** The file a scenario's `import … from 'volley'` must resolve to: this install's entry. */
  volleyEntry: string;
}

/** `done`: the share ran; `refused`: the coordinator would not take this worker; `failed`: the run broke off. */
export type RemoteWorkerEnd = 'done' | 'refused' | 'failed';

export async function joinCoordinator(options: RemoteWorkerOptions): Promise<RemoteWorkerEnd> {
  const socket = await connect(options.url, options.connectTimeoutMs);
  const session = new WorkerSession(socket, options.volleyEntry);
  session.post({
    type: 'hello',
    version: PROTOCOL_VERSION,
    ...(options.token === undefined ? {} : { token: options.token }),
    host: hostname(),
  });
  try {
    return await session.ended;
  } finally {
    session.removeFiles();
  }
}

/** One connection's life: messages in, the segment's run, and how it ended. */
class WorkerSession {
  readonly ended: Promise<RemoteWorkerEnd>;
  private readonly handlers: ((message: ToWorker) => void)[] = [];
  private markStarted: () => void = () => undefined;
  private readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });
  private tempDir: string | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly volleyEntry: string,
  ) {
    this.ended = new Promise<RemoteWorkerEnd>((resolve) => {
      socket.on('message', (data, isBinary) => this.receive(data, isBinary, resolve));
      socket.on('close', () => resolve('failed'));
      // ws closes the connection after an error (an oversized or invalid frame); say why.
      socket.on('error', (error) =>
        process.stderr.write(`volley: connection to the coordinator failed: ${error.message}\n`),
      );
    });
  }

  post(message: FromWorker): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  removeFiles(): void {
    if (this.tempDir !== undefined) rmSync(this.tempDir, { recursive: true, force: true });
  }

  private receive(data: WebSocket.RawData, isBinary: boolean, end: (how: RemoteWorkerEnd) => void): void {
    const decoded = decodeFrame(toWorkerSchema, data, isBinary);
    if (!decoded.ok) {
      process.stderr.write(`volley: leaving the run: the coordinator sent ${decoded.problem}\n`);
      this.socket.close(4000, 'malformed message');
      end('failed');
      return;
    }
    const message = decoded.message;
    switch (message.type) {
      case 'refused':
        process.stderr.write(`volley: the coordinator refused this worker: ${message.reason}\n`);
        end('refused');
        return;
      case 'assign':
        this.run(message.assignment, end);
        return;
      case 'start':
        this.markStarted();
        return;
      default:
        for (const handler of this.handlers) handler(message);
    }
  }

  private run(received: WorkerAssignment, end: (how: RemoteWorkerEnd) => void): void {
    const assignment = this.writeBundle(received);
    process.stderr.write(`Assigned worker ${assignment.worker}; loading the scenario.\n`);
    void runSegment(
      assignment,
      { post: (message) => this.post(message), onMessage: (handler) => this.handlers.push(handler) },
      { started: this.started },
    ).then(() => {
      this.socket.close(1000, 'done');
      end('done');
    });
  }

  /** Writes the scenario bundle locally, pointing its `volley` import at this install. */
  private writeBundle(assignment: WorkerAssignment): WorkerAssignment {
    if (assignment.source.kind !== 'bundle') return assignment;
    this.tempDir = mkdtempSync(join(tmpdir(), 'volley-worker-'));
    const file = join(this.tempDir, 'scenario.mjs');
    const entry = JSON.stringify(pathToFileURL(this.volleyEntry).href);
    writeFileSync(file, assignment.source.code.replaceAll(JSON.stringify(VOLLEY_ENTRY_PLACEHOLDER), entry));
    return { ...assignment, source: { ...assignment.source, file } };
  }
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

/**
 * Worker threads on this machine, each running one segment of the load. The pool only moves
 * messages: it starts the threads with their assignments, forwards what they send, broadcasts
 * stop and kill, and reports a thread that dies without saying it is done.
 */

import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { codeFile } from '../core/package-files.js';
import type { FromWorker, ToWorker, WorkerAssignment } from './protocol.js';
import type { TransportHandlers, WorkerTransport } from './transport.js';

export class ThreadPool implements WorkerTransport {
  private readonly threads: Worker[] = [];
  private readonly finished: Promise<void>[] = [];

  constructor(
    private readonly entry: URL,
    readonly size: number,
  ) {}

  /** Starts every thread, waits until each has built its engines, then starts them together. */
  async launch(assignments: readonly WorkerAssignment[], handlers: TransportHandlers): Promise<void> {
    const ready: Promise<void>[] = [];
    for (const assignment of assignments) {
      const thread = new Worker(this.entry, { workerData: assignment });
      let done = false;
      let markReady: () => void = () => undefined;
      ready.push(
        new Promise<void>((resolve) => {
          markReady = resolve;
        }),
      );
      thread.on('message', (message: FromWorker) => {
        if (message.type === 'ready') markReady();
        if (message.type === 'done' || message.type === 'failed') {
          done = true;
          markReady();
        }
        handlers.message(assignment.worker, message);
      });
      this.finished.push(
        new Promise<void>((resolve) => {
          thread.once('error', (error) => {
            if (!done) handlers.lost(assignment.worker, error.message);
            done = true;
          });
          thread.once('exit', (code) => {
            if (!done) handlers.lost(assignment.worker, `exited with code ${code}`);
            markReady();
            resolve();
          });
        }),
      );
      this.threads.push(thread);
    }
    await Promise.all(ready);
    this.broadcast({ type: 'start' });
  }

  broadcast(message: ToWorker): void {
    for (const thread of this.threads) thread.postMessage(message);
  }

  whenExited(): Promise<void> {
    return Promise.all(this.finished).then(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}

/** A pool of `size` threads each running worker-main.ts (cluster/worker-main.js of the build). */
export function workerThreads(size: number): ThreadPool {
  return new ThreadPool(pathToFileURL(codeFile('cluster/worker-main.js')), size);
}

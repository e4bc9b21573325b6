/**
 * How a coordinator reaches its workers: threads in this process, or remote processes over
 * WebSocket. The workers driver (workers-driver.ts) sees only this.
 */

import type { FromWorker, ToWorker, WorkerAssignment } from './protocol.js';

export interface TransportHandlers {
  message(worker: number, message: FromWorker): void;
  /** A worker went away without saying it was done (crashed, killed, heartbeat lost). */
  lost(worker: number, reason: string): void;
}

export interface WorkerTransport {
  /** How many workers the run has (threads to start, or remote workers to wait for). */
  readonly size: number;
  /** Starts every worker on its assignment; resolves once all are running. */
  launch(assignments: readonly WorkerAssignment[], handlers: TransportHandlers): Promise<void>;
  broadcast(message: ToWorker): void;
  /** Resolves when every worker has finished or been lost. */
  whenExited(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The entry point of a worker thread: runs the segment it was assigned (segment-worker.ts) and
 * talks to the coordinator over the thread's port. It starts when told, so all threads start
 * together however long each took to load the scenario.
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { ToWorker, WorkerAssignment } from './protocol.js';
import { runSegment } from './segment-worker.js';

if (parentPort === null) throw new Error('worker-main runs only as a worker thread');
const port = parentPort;
const handlers: ((message: ToWorker) => void)[] = [];
const started = new Promise<void>((resolve) => {
  port.on('message', (message: ToWorker) => {
    if (message.type === 'start') resolve();
    else for (const handler of handlers) handler(message);
  });
});

await runSegment(
  workerData as WorkerAssignment,
  { post: (message) => port.postMessage(message), onMessage: (handler) => handlers.push(handler) },
  { started },
);
// Let the thread end on its own: an exiting worker's port is drained to the parent first, where
// close() right after the last postMessage could drop the final snapshot and `done`.
port.unref();

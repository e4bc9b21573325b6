/**
 * The entry point of a worker thread: runs the segment it was assigned (segment-runner.ts) and
 * talks to the coordinator over the thread's port.
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { ToWorker, WorkerAssignment } from '../cluster/protocol.js';
import { runSegment } from './segment-runner.js';

process.setSourceMapsEnabled(true);

if (parentPort === null) throw new Error('worker-main runs only as a worker thread');
const port = parentPort;

await runSegment(workerData as WorkerAssignment, {
  post: (message) => port.postMessage(message),
  onMessage: (handler) => port.on('message', (message: ToWorker) => handler(message)),
});
port.close();

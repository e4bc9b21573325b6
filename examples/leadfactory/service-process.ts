/**
 * Starts LeadFactory's backend (`serve.mjs`) in a child process and resolves once it listens:
 * its URL to load, and its pid for `runStress(…, { monitorPids })`. The seed measured memory
 * with psutil inside the test process; a service of its own is what production runs, and the
 * only way to tell the service's memory from the load generator's.
 */

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DemoLatency } from '../../src/demo/index.js';

export interface ServiceProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('./serve.mjs', import.meta.url));
const LISTENING = /listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 15_000;

export function startServiceProcess(latency: DemoLatency = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [SERVE, JSON.stringify(latency)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.stdin.end();
    });
  return new Promise((resolve, reject) => {
    let started = false;
    let output = '';
    let errors = '';
    const fail = (why: string): void => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the LeadFactory service did not start: ${why}`));
    };
    const timer = setTimeout(() => fail(`no answer in ${START_TIMEOUT_MS / 1000}s`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(errors.trim() || `it exited with code ${String(code)}`));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errors += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = LISTENING.exec(output)?.[1];
      if (started || url === undefined || child.pid === undefined) return;
      started = true;
      clearTimeout(timer);
      resolve({ url, pid: child.pid, close });
    });
  });
}

/**
 * The embedded demo service in a child process, for `volley run --demo` and `volley demo`.
 *
 * A process of its own, not this one: the service's work would otherwise share the generator's
 * event loop, inflate the latencies volley measures and trip its own saturation check. The
 * child gets its own process group, so a Ctrl-C meant for the run does not kill the target while
 * users finish gracefully; it leaves when volley closes it, or when volley's end of its stdin
 * closes (volley killed outright), so it never outlives the run.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { codeFile } from '../core/package-files.js';
import { VolleyError } from '../errors.js';

/** The running demo service: where it listens, and how to stop it. */
export interface DemoProcess {
  readonly url: string;
  /** The same service over TLS (HTTP/2 and HTTP/1.1, a self-signed test certificate). */
  readonly tlsUrl: string;
  /** The demo's gRPC ledger: `127.0.0.1:PORT`. */
  readonly grpcTarget: string;
  readonly pid: number;
  close(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;
const TLS_LISTENING = /TLS on (https:\/\/\S+)/;
const GRPC_LEDGER = /gRPC ledger on (\S+)/;
const START_TIMEOUT_MS = 15_000;

/** Starts `volley demo --serve --port 0 <serveArgs…>` and resolves once it listens. */
export async function startDemoProcess(serveArgs: readonly string[] = []): Promise<DemoProcess> {
  const main = codeFile('cli/main.js');
  const child = spawn(
    process.execPath,
    [main, 'demo', '--serve', '--port', '0', '--exit-on-stdin-end', ...serveArgs],
    { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  const { url, tlsUrl, output } = await listeningUrls(child);
  // Keep draining its output so a chatty child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url,
    tlsUrl,
    grpcTarget: GRPC_LEDGER.exec(output)?.[1] ?? '',
    pid: child.pid ?? 0,
    close: () => stop(child),
  };
}

/** The service's plain and TLS URLs, and what it printed up to them (its other listeners' lines). */
function listeningUrls(child: ChildProcess): Promise<{ url: string; tlsUrl: string; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const onError = (error: Error): void => fail(error.message);
    const onExit = (code: number | null): void => fail(errors.trim() || `it exited with code ${String(code)}`);
    const settle = (): void => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
    };
    const fail = (why: string): void => {
      settle();
      child.kill('SIGKILL');
      reject(new VolleyError('VOLLEY_E_IO', `the demo service did not start: ${why}`));
    };
    const timer = setTimeout(() => fail(`no answer in ${START_TIMEOUT_MS / 1000}s`), START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const plain = LISTENING.exec(output)?.[1];
      const tls = TLS_LISTENING.exec(output)?.[1];
      if (plain !== undefined && tls !== undefined) {
        settle();
        resolve({ url: plain, tlsUrl: tls, output });
      }
    });
    child.stderr?.on('data', (chunk: string) => {
      errors += chunk;
    });
    child.once('error', onError);
    child.once('exit', onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

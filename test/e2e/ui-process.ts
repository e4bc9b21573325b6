/**
 * A `volley run … --ui --ui-port 0` process for browser tests: started on a scenario against a
 * loopback target, resolving with the URL it prints (token included), and stopped with Ctrl-C.
 */

import type { ChildProcess } from 'node:child_process';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';

export interface UiProcess {
  /** The page's URL, once the UI listens. */
  readonly url: Promise<string>;
  /** Sends Ctrl-C (if it still runs) and waits for the process to end. */
  stop(): Promise<void>;
}

export function startUiProcess(scenario: string, targetUrl: string, token: string, timeoutMs: number): UiProcess {
  const file = writeScenario(tempDir(), 'load.ts', scenario);
  let child: ChildProcess | undefined;
  let exit: ReturnType<typeof runCli> | undefined;
  const url = new Promise<string>((resolve, reject) => {
    exit = runCli(['run', file, '-H', targetUrl, '--ui', '--ui-port', '0', '--ui-token', token, '-q'], {
      timeoutMs,
      onSpawn: (spawned) => {
        child = spawned;
        let stderr = '';
        spawned.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /Web UI: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stderr);
          if (found?.[1] !== undefined) resolve(found[1]);
        });
      },
    });
    exit.then((result) => reject(new Error(`volley exited before its UI listened: ${result.stderr}`)), reject);
  });
  return {
    url,
    stop: async () => {
      if (child !== undefined && child.exitCode === null) child.kill('SIGINT');
      await exit;
    },
  };
}

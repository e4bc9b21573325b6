/**
 * Ctrl-C, the way a load-test user expects: the first stops the run gracefully (no new tasks;
 * users finish within the grace period) and the results are still reported and written; the
 * second stops at once and still writes what was gathered. In an interactive terminal (not
 * --headless), `q` also stops gracefully.
 */

import type { RunHandle } from '../runner/start-run.js';

export interface InterruptOptions {
  /** Read keys from stdin (interactive terminal, not --headless). */
  keyboard: boolean;
  stderr: { write(text: string): unknown };
}

/** Installs the handlers; returns a function that removes them. */
export function handleInterrupts(
  handle: Pick<RunHandle, 'stop' | 'kill'>,
  options: InterruptOptions,
): () => void {
  let interrupts = 0;
  const interrupt = (): void => {
    interrupts++;
    if (interrupts === 1) {
      options.stderr.write(
        '\nStopping: users finish their current task. Press Ctrl-C again to stop at once.\n',
      );
      handle.stop();
    } else if (interrupts === 2) {
      options.stderr.write('\nStopping now; writing the results gathered so far.\n');
      void handle.kill();
    }
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  const stdin = process.stdin;
  const onKey = (key: Buffer): void => {
    const text = key.toString('utf8');
    // In raw mode Ctrl-C arrives as a byte, not a signal.
    if (text === '\u0003' || (text.toLowerCase() === 'q' && interrupts === 0)) interrupt();
  };
  if (options.keyboard && stdin.isTTY) {
    stdin.setRawMode(true);
    stdin.on('data', onKey);
    stdin.resume();
  }
  return () => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    if (options.keyboard && stdin.isTTY) {
      stdin.off('data', onKey);
      stdin.setRawMode(false);
      stdin.pause();
    }
  };
}

/**
 * The live terminal status: one compact line per progress tick,
 *
 *   [00:12 / 00:30] users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700
 *
 * followed, once any happened, by the failed requests and the task errors (exceptions) so far.
 *
 * On a TTY the line is rewritten in place (carriage return, clear line) and cut to the
 * terminal's width, since a wrapped line cannot be rewritten; `onEnd` finishes it with a newline
 * so the summary starts on a fresh line. Without a TTY (CI logs, pipes) each tick is a plain
 * line of its own.
 */

import type { Result } from '../metrics/result.js';
import { formatCount, formatDuration, formatPercent, formatRate } from '../core/units/index.js';
import type { LiveProgress, Output, TextStream } from './output.js';
import { truncate } from './text.js';

export interface LiveStatusOptions {
  /** Print nothing at all. */
  quiet?: boolean;
}

const CLEAR_LINE = '\r\u001b[2K';

/** The status line for one tick, without any terminal control characters. */
export function formatStatusLine(progress: LiveProgress): string {
  const planned = progress.plannedDurationMs === null ? '' : ` / ${formatDuration(progress.plannedDurationMs, 'clock')}`;
  const failShare = progress.rps > 0 ? progress.failuresPerSec / progress.rps : 0;
  const parts = [
    `[${formatDuration(progress.elapsedMs, 'clock')}${planned}]${progress.phase === 'stopping' ? ' stopping…' : ''}`,
    `users ${formatCount(progress.users)}`,
    `rps ${formatRate(progress.rps)}`,
    `p95 ${progress.p95Ms === null ? '—' : formatDuration(progress.p95Ms, 'latency')}`,
    `fail ${formatPercent(failShare, 2)}`,
    `reqs ${formatCount(progress.requests)}`,
  ];
  if (progress.failures > 0) parts.push(`failed ${formatCount(progress.failures)}`);
  // A script that throws makes no request: without this the line would read "fail 0.00%".
  if (progress.taskErrors > 0) parts.push(`task errors ${formatCount(progress.taskErrors)}`);
  // The first gap is one space, as the bracket already separates the clock from the figures.
  return `${parts[0]} ${parts.slice(1).join('  ')}`;
}

export class LiveStatusOutput implements Output {
  readonly name = 'live-status';
  readonly #stream: TextStream;
  readonly #quiet: boolean;
  /** A TTY line has been written and not yet ended with a newline. */
  #lineOpen = false;

  constructor(stream: TextStream, options: LiveStatusOptions = {}) {
    this.#stream = stream;
    this.#quiet = options.quiet ?? false;
  }

  onProgress(progress: LiveProgress): void {
    if (this.#quiet) return;
    const line = formatStatusLine(progress);
    if (this.#stream.isTTY === true) {
      // One column short of the width: writing into the last column wraps on some terminals.
      const columns = this.#stream.columns;
      const fitted = columns !== undefined && columns > 1 ? truncate(line, columns - 1) : line;
      this.#stream.write(CLEAR_LINE + fitted);
      this.#lineOpen = true;
    } else {
      this.#stream.write(`${line}\n`);
    }
  }

  onEnd(_result?: Result): void {
    if (!this.#lineOpen) return;
    this.#stream.write('\n');
    this.#lineOpen = false;
  }
}

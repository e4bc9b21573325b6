/**
 * `--out ndjson=<file>` (or `-` for stdout): the run as a stream of JSON lines, written as it
 * goes, one tick at a time (see ndjson-lines.ts for the lines). A file is opened when the run
 * starts and closed at its end; what was written up to a crash or a Ctrl-C stays in it, line by
 * line, as a log pipeline expects.
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import type { Result } from '../../metrics/result.js';
import type { LiveProgress, Output, RunStartInfo, TextStream } from '../output.js';
import { endLine, eventLine, intervalLine, metricLine, rowLine, startLine, thresholdLines } from './ndjson-lines.js';

/** `-` writes to stdout. */
export const STDOUT_TARGET = '-';

export class NdjsonOutput implements Output {
  readonly name = 'ndjson';
  readonly wantsIntervalRows = true;
  readonly #target: string;
  readonly #stdout: TextStream;
  #stream: WriteStream | TextStream | null = null;
  #requests = 0;
  #failures = 0;
  #stopping = false;
  #failed: Error | null = null;

  /** `target`: a file path, or `-` for `stdout` (the process's, unless a test passes its own). */
  constructor(target: string, stdout: TextStream = process.stdout) {
    this.#target = target;
    this.#stdout = stdout;
  }

  onStart(info: RunStartInfo): void {
    if (this.#target === STDOUT_TARGET) this.#stream = this.#stdout;
    else {
      const file = createWriteStream(this.#target);
      // A full disk must not end the measurement: the error is kept and reported at the end.
      file.on('error', (error) => (this.#failed ??= error));
      this.#stream = file;
    }
    this.#write([startLine(info)]);
  }

  onProgress(progress: LiveProgress): void {
    const time = new Date().toISOString();
    const t = Math.round(progress.elapsedMs) / 1000;
    const lines: object[] = [intervalLine(progress, time, progress.requests - this.#requests, progress.failures - this.#failures)];
    this.#requests = progress.requests;
    this.#failures = progress.failures;
    for (const row of progress.interval ?? []) lines.push(rowLine(row, t, time));
    for (const metric of progress.metrics ?? []) lines.push(metricLine(metric, t, time));
    if (progress.phase === 'stopping' && !this.#stopping) {
      this.#stopping = true;
      lines.push(eventLine('stopping', t, time));
    }
    this.#write(lines);
  }

  async onEnd(result: Result): Promise<void> {
    this.#write([...thresholdLines(result), endLine(result)]);
    const stream = this.#stream;
    if (stream !== null && stream !== this.#stdout && 'end' in stream)
      await new Promise<void>((resolve) => stream.end(() => resolve()));
    if (this.#failed !== null) throw new Error(`--out ndjson=${this.#target}: ${this.#failed.message}`);
  }

  #write(lines: readonly object[]): void {
    if (this.#stream === null || this.#failed !== null) return;
    let text = '';
    for (const line of lines) text += `${JSON.stringify(line)}\n`;
    this.#stream.write(text);
  }
}

/**
 * The end-of-run summary as an Output: renders `formatSummary` to a stream when the run ends.
 * Colour and width follow the stream (a TTY gets colour and its own width) unless given.
 */

import type { Result } from '../metrics/result.js';
import { colorEnabled } from './color.js';
import type { Output, TextStream } from './output.js';
import { formatSummary } from './summary.js';

export interface SummaryOutputOptions {
  /** Default: whether the stream takes colour (FORCE_COLOR, NO_COLOR, TTY). */
  color?: boolean;
  /** Default: the stream's columns on a TTY, else 120. */
  width?: number;
}

export class SummaryOutput implements Output {
  readonly name = 'summary';
  readonly #stream: TextStream;
  readonly #color: boolean;
  readonly #width: number | undefined;

  constructor(stream: TextStream, options: SummaryOutputOptions = {}) {
    this.#stream = stream;
    this.#color = options.color ?? colorEnabled(stream);
    const columns = stream.isTTY === true ? stream.columns : undefined;
    this.#width = options.width ?? (columns !== undefined && columns > 0 ? columns : undefined);
  }

  onEnd(result: Result): void {
    const text = formatSummary(result, {
      color: this.#color,
      ...(this.#width === undefined ? {} : { width: this.#width }),
    });
    this.#stream.write(`\n${text}\n`);
  }
}

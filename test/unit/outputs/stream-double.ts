/**
 * A stream double for outputs: records every write, with a settable TTY flag and width.
 */

import type { TextStream } from '../../../src/outputs/output.js';

export class RecordingStream implements TextStream {
  readonly writes: string[] = [];
  isTTY?: boolean;
  columns?: number;

  constructor(options: { isTTY?: boolean; columns?: number } = {}) {
    if (options.isTTY !== undefined) this.isTTY = options.isTTY;
    if (options.columns !== undefined) this.columns = options.columns;
  }

  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }

  get text(): string {
    return this.writes.join('');
  }
}

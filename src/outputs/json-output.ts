/**
 * The Result as a JSON file (`--json out.json`), the input of `volley report` and `compare`.
 * Written atomically: to a temporary file beside the target, then renamed over it, so a reader
 * (a CI step, a dashboard polling the path) never sees half a document, and a failed write
 * leaves any previous file intact.
 */

import type { Result } from '../metrics/result.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import type { Output } from './output.js';

/** Writes `result` as pretty JSON (2-space indent, trailing newline), creating parent folders. */
export function writeResultJson(result: Result, path: string): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(result, null, 2)}\n`, 'json');
}

export class JsonFileOutput implements Output {
  readonly name = 'json';
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  onEnd(result: Result): Promise<void> {
    return writeResultJson(result, this.path);
  }
}

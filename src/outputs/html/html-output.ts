/**
 * `--html path`: the report written once at the end of the run (and by `volley report
 * result.json --html path` later), atomically, so a reader never sees half a page and a failed
 * write leaves any previous report intact.
 */

import type { Result } from '../../metrics/result.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { Output } from '../output.js';
import { renderHtmlReport } from './render-report.js';

/** Renders and writes the report, creating parent folders; fails with `VOLLEY_E_IO`. */
export async function writeHtmlReport(result: Result, path: string): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(result), 'html');
}

export class HtmlFileOutput implements Output {
  readonly name = 'html';
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  onEnd(result: Result): Promise<void> {
    return writeHtmlReport(result, this.path);
  }
}

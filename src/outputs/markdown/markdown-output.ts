/**
 * `--md file.md`: writes the Markdown summary at the end of the run. By default the file is
 * replaced atomically; with `append`, the summary is added to what is there, which is what
 * `$GITHUB_STEP_SUMMARY` needs (other commands in the same step may have written to it).
 */

import type { Result } from '../../metrics/result.js';
import { appendFileText, writeFileAtomic } from '../../core/atomic-write.js';
import type { Output } from '../output.js';
import { formatMarkdownSummary } from './markdown-summary.js';

export interface MarkdownFileOptions {
  /** Add to the end of an existing file instead of replacing it. */
  append?: boolean;
}

/** Writes (or appends) the summary, creating parent folders; fails with `VOLLEY_E_IO`. */
export async function writeMarkdownSummary(
  result: Result,
  path: string,
  options: MarkdownFileOptions = {},
): Promise<void> {
  const text = formatMarkdownSummary(result);
  if (options.append === true) await appendFileText(path, text, 'md');
  else await writeFileAtomic(path, text, 'md');
}

export class MarkdownFileOutput implements Output {
  readonly name = 'markdown';
  readonly path: string;
  readonly options: MarkdownFileOptions;

  constructor(path: string, options: MarkdownFileOptions = {}) {
    this.path = path;
    this.options = { ...options };
  }

  onEnd(result: Result): Promise<void> {
    return writeMarkdownSummary(result, this.path, this.options);
  }
}

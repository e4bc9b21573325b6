/**
 * The Result as a JSON file (`--json out.json`), the input of `volley report` and `compare`.
 * Written atomically: to a temporary file beside the target, then renamed over it, so a reader
 * (a CI step, a dashboard polling the path) never sees half a document, and a failed write
 * leaves any previous file intact.
 */

import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VolleyError } from '../errors.js';
import type { Result } from '../metrics/result.js';
import type { Output } from './output.js';

/** Plain words for the errors a person can act on; others keep Node's message. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent path is not a directory',
  EEXIST: 'a parent path is not a directory',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'name too long',
};

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return (code === undefined ? undefined : REASONS[code]) ?? error.message;
  }
  return String(error);
}

/** Writes `result` as pretty JSON (2-space indent, trailing newline), creating parent folders. */
export async function writeResultJson(result: Result, path: string): Promise<void> {
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new VolleyError('VOLLEY_E_IO', `cannot write --json file '${path}': ${reasonOf(error)}`, {
      cause: error,
    });
  }
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

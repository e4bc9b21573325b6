/**
 * Report files written atomically, the way `json-output.ts` writes `--json`: to a temporary file
 * beside the target, then renamed over it, so a reader (a CI step, a dashboard polling the path)
 * never sees half a report and a failed write leaves any previous file intact. Failures become
 * `VOLLEY_E_IO` errors naming the flag and the path, in words a person can act on.
 */

import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VolleyError } from '../errors.js';

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

export function ioReason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return (code === undefined ? undefined : REASONS[code]) ?? error.message;
  }
  return String(error);
}

function ioError(flag: string, path: string, error: unknown): VolleyError {
  return new VolleyError('VOLLEY_E_IO', `cannot write --${flag} file '${path}': ${ioReason(error)}`, {
    cause: error,
  });
}

/**
 * Writes `text` (UTF-8) to `path`, creating parent folders. `flag` names the option the path came
 * from (`csv`, `junit`), without dashes, for the error message.
 */
export async function writeFileAtomic(path: string, text: string, flag: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw ioError(flag, path, error);
  }
}

/**
 * Appends `text` to `path`, creating it and its parent folders. For files others write to as
 * well, such as `$GITHUB_STEP_SUMMARY`, where replacing the file would erase their part.
 */
export async function appendFileText(path: string, text: string, flag: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, text, 'utf8');
  } catch (error) {
    throw ioError(flag, path, error);
  }
}

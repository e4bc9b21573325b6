/**
 * Where a `.proto` path given to `vu.grpc.client()` points. An absolute path is taken as it is. A
 * relative one resolves as an import does: against the folder of the file that called
 * `client()` — the scenario, or the module of it that did — and, when no such file is there,
 * against the working directory (as `feed()` paths do).
 *
 * The engine hands a virtual user no scenario path, so the calling file is read from the call
 * stack: volley runs scenarios with source maps on, so the frame names the scenario's own file
 * (without them, its bundle, which volley writes beside it). Frames inside volley are skipped.
 */

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeRoot } from '../../core/package-files.js';
import { VolleyError } from '../../errors.js';

/** volley's own code (dist/ when built, src/ under tests): its frames are not the caller's. */
const VOLLEY_CODE = codeRoot() + sep;

/** The file a stack frame line runs in, when it names one on disk. */
export function frameFile(line: string): string | undefined {
  const match = /(?:\(|at )((?:file:\/\/)?\/[^():]*|[A-Za-z]:\\[^():]*):\d+:\d+\)?\s*$/.exec(line);
  if (match === null) return undefined;
  const location = match[1] as string;
  return location.startsWith('file://') ? fileURLToPath(location) : location;
}

/** The folder of the first file on the stack that is not volley's own code, if any. */
export function callerDirectory(stack: string, volleyCode = VOLLEY_CODE): string | undefined {
  for (const line of stack.split('\n')) {
    const file = frameFile(line);
    if (file !== undefined && !file.startsWith(volleyCode) && !file.includes('/node_modules/')) return dirname(file);
  }
  return undefined;
}

/** The absolute path of a proto file, or a clear error naming where it was looked for. */
export function resolveProtoPath(path: string, stack: string, cwd = process.cwd()): string {
  if (typeof path !== 'string' || path === '') {
    throw new VolleyError('VOLLEY_E_SCENARIO', `vu.grpc.client(): the .proto path must be a non-empty string`);
  }
  const candidates = isAbsolute(path) ? [path] : candidateFolders(stack, cwd).map((dir) => resolve(dir, path));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found !== undefined) return found;
  throw new VolleyError(
    'VOLLEY_E_SCENARIO',
    `vu.grpc.client(): proto file '${path}' not found (looked for ${candidates.join(' and ')})`,
  );
}

function candidateFolders(stack: string, cwd: string): string[] {
  const caller = callerDirectory(stack);
  return caller === undefined || caller === cwd ? [cwd] : [caller, cwd];
}

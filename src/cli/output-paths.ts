/**
 * Report paths checked before a run, not after it: a --html naming a folder, or a path in a
 * folder volley cannot write, would otherwise be found only once a long run had ended and its
 * report could not be written.
 */

import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { VolleyError } from '../errors.js';
import type { ReportFlags } from './report-outputs.js';

/** Throws a VolleyError naming the first report flag whose path cannot be written. */
export function checkOutputPaths(flags: ReportFlags): void {
  const files: [string, string | undefined][] = [
    ['--json', flags.json],
    ['--html', flags.html],
    ['--junit', flags.junit],
    ['--md', flags.md],
  ];
  for (const [flag, path] of files) {
    if (path !== undefined) checkFile(flag, path, path);
  }
  // --csv is a prefix: <prefix>_stats.csv and its siblings are the files.
  if (flags.csv !== undefined) checkFile('--csv', flags.csv, `${flags.csv}_stats.csv`);
}

/** Throws a VolleyError when `path` (given to `flag`) cannot be written as a file. */
export function checkOutputFile(flag: string, path: string): void {
  checkFile(flag, path, path);
}

function checkFile(flag: string, given: string, path: string): void {
  const full = resolve(path);
  const stat = statOrNull(full);
  if (stat?.isDirectory() === true) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag} ${given}: is a folder; expected a file path such as ${given.replace(/\/+$/, '')}/report${extensionOf(flag)}`);
  }
  if (stat !== null) {
    if (!writable(full)) throw new VolleyError('VOLLEY_E_USAGE', `${flag} ${given}: the file exists and cannot be written`);
    return;
  }
  // The file is new: the nearest existing folder above it must be a folder volley can write in
  // (the folders between are created when the report is written).
  let folder = dirname(full);
  let folderStat = statOrNull(folder);
  while (folderStat === null && dirname(folder) !== folder) {
    folder = dirname(folder);
    folderStat = statOrNull(folder);
  }
  if (folderStat !== null && !folderStat.isDirectory()) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag} ${given}: ${folder} is a file, not a folder`);
  }
  if (!writable(folder)) {
    throw new VolleyError('VOLLEY_E_USAGE', `${flag} ${given}: cannot write in ${folder} (permission denied)`);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(flag: string): string {
  return { '--json': '.json', '--html': '.html', '--junit': '.xml', '--md': '.md' }[flag] ?? '';
}

/**
 * Where volley's own files are: its package folder (where its package.json is) and the folder its
 * running code sits in (dist/ when built, src/ under a test runner).
 *
 * Both are found by walking up from this module's file rather than by a path relative to it,
 * because the same module runs from three layouts: tsc's one file per module (dist/core/), the
 * bundled entry points and the chunks they share (dist/, dist/chunks/), and the sources (src/core/).
 */

import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

function isVolleyPackage(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'volley';
  } catch {
    return false;
  }
}

let rootMemo: string | undefined;

/** volley's package folder: the nearest folder above this module holding volley's package.json. */
export function packageRoot(): string {
  if (rootMemo !== undefined) return rootMemo;
  for (let dir = HERE; ; dir = dirname(dir)) {
    if (isVolleyPackage(dir)) return (rootMemo = dir);
    // Not inside a volley package at all (copied elsewhere): the layout dist/<folder>/ is assumed.
    if (dirname(dir) === dir) return (rootMemo = dirname(dirname(HERE)));
  }
}

/** The folder volley's running code sits in: `dist` or `src` under the package folder. */
export function codeRoot(): string {
  const root = packageRoot();
  const top = relative(root, HERE).split(sep)[0];
  return join(root, top === undefined || top === '' || top === '..' ? 'dist' : top);
}

/** A file of volley's code by its path under dist/ (or src/): `cluster/worker-main.js`. */
export function codeFile(path: string): string {
  return join(codeRoot(), path);
}

/** True when the running code is the build (under dist/), not the sources or a bundle of them elsewhere. */
export function runsFromBuild(): boolean {
  return !relative(join(packageRoot(), 'dist'), HERE).startsWith('..');
}

/**
 * The scenario bundle worker threads import. Written beside the scenario, so the bundle's
 * package imports (left external) resolve from the scenario's own node_modules, exactly as they
 * did for the main thread. Where that folder is read-only (a mounted volume, a package in
 * node_modules), a standalone bundle with its packages inlined goes to a temporary folder instead.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeFile } from '../core/package-files.js';
import { type ScenarioSource, VOLLEY_ENTRY_PLACEHOLDER } from './protocol.js';

export interface WorkerBundle {
  source: ScenarioSource;
  /** Deletes what was written; safe to call twice. */
  remove(): void;
}

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Bundles a scenario file with its packages inlined and `volley` left as the placeholder. */
export type StandaloneBundler = (file: string) => Promise<string>;

export async function writeWorkerBundle(
  source: ScenarioSource,
  bundleStandalone: StandaloneBundler,
): Promise<WorkerBundle> {
  if (source.kind !== 'bundle') return { source, remove: () => {} };
  const beside = join(dirname(source.file), `.${basename(source.file)}.volley-workers-${process.pid}.mjs`);
  try {
    writeFileSync(beside, source.code);
    return { source: { ...source, file: beside }, remove: () => rmSync(beside, { force: true }) };
  } catch (error) {
    if (!UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const code = await bundleStandalone(source.file);
  const dir = mkdtempSync(join(tmpdir(), 'volley-workers-'));
  const file = join(dir, `${basename(source.file)}.mjs`);
  const entry = JSON.stringify(pathToFileURL(codeFile('index.js')).href);
  writeFileSync(file, code.replaceAll(JSON.stringify(VOLLEY_ENTRY_PLACEHOLDER), entry));
  return { source: { ...source, file }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

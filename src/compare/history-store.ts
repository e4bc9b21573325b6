/**
 * The history store: every saved Result as one compact JSON file, one folder per scenario,
 *
 *   .volley/history/
 *     checkout/
 *       2025-01-31T12-00-00.000Z.json
 *       2025-02-01T09-30-12.512Z.json
 *
 * Plain files, so the store can be committed, cached by CI, copied or pruned with `rm`, and any
 * file in it is a valid input of `volley compare`. Files are written to a temporary name and
 * hard-linked into place, which is atomic and never replaces an existing run (two runs started
 * in the same millisecond get `-2`, `-3` suffixes).
 */

import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VolleyError } from '../errors.js';
import type { Result } from '../metrics/result.js';
import { parseResult } from '../metrics/result-reader.js';
import { DEFAULT_HISTORY_DIR } from './history-dir.js';
import { runFileStem, scenarioSlug } from './slug.js';
import { sortByStart } from './trend.js';

export { DEFAULT_HISTORY_DIR };

const MAX_SUFFIX = 1000;

function ioReason(error: unknown): string {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent path is not a directory';
  return error instanceof Error ? error.message : String(error);
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Saves `result` and returns the path of the new file. */
export async function saveToHistory(result: Result, dir: string = DEFAULT_HISTORY_DIR): Promise<string> {
  const folder = join(dir, scenarioSlug(result.scenario.name));
  const stem = runFileStem(result.startedAt);
  const temp = join(folder, `.${stem}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temp, JSON.stringify(result), 'utf8');
    for (let n = 1; n <= MAX_SUFFIX; n += 1) {
      const path = join(folder, n === 1 ? `${stem}.json` : `${stem}-${n}.json`);
      try {
        await link(temp, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`${MAX_SUFFIX} runs already saved for ${result.startedAt}`);
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_IO',
      `cannot save the run to the history in '${dir}': ${ioReason(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function runFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
}

export interface ScenarioHistory {
  slug: string;
  /** The scenario's name as its newest run recorded it. */
  scenario: string;
  runs: number;
  /** ISO times of the oldest and newest saved runs (by file name). */
  first: string;
  last: string;
}

/** Every scenario in the store; empty when the store does not exist yet. */
export async function listScenarios(dir: string = DEFAULT_HISTORY_DIR): Promise<ScenarioHistory[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw new VolleyError('VOLLEY_E_IO', `cannot read the history in '${dir}': ${ioReason(error)}`, {
      cause: error,
    });
  }
  const list: ScenarioHistory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = join(dir, entry.name);
    const files = await runFiles(folder);
    if (files.length === 0) continue;
    const newest = await firstReadable(folder, [...files].reverse());
    const oldest = await firstReadable(folder, files);
    list.push({
      slug: entry.name,
      scenario: newest?.scenario.name ?? entry.name,
      runs: files.length,
      first: oldest?.startedAt ?? '',
      last: newest?.startedAt ?? '',
    });
  }
  return list;
}

/** The first of `names` that reads as a result (file names sort by start time). */
async function firstReadable(folder: string, names: readonly string[]): Promise<Result | undefined> {
  for (const name of names) {
    const run = await readRun(join(folder, name));
    if (run.ok) return run.result;
  }
  return undefined;
}

type ReadRun = { ok: true; result: Result } | { ok: false; file: string; reason: string };

async function readRun(file: string): Promise<ReadRun> {
  try {
    return { ok: true, result: parseResult(await readFile(file, 'utf8'), file) };
  } catch (error) {
    return { ok: false, file, reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface LoadedHistory {
  slug: string;
  /** The scenario's name as its newest run recorded it. */
  scenario: string;
  /** Oldest first. */
  results: Result[];
  /** Files that could not be read as results: reported, not fatal. */
  skipped: { file: string; reason: string }[];
}

/** The saved runs of one scenario, by its name or its folder name. */
export async function loadHistory(
  scenario: string,
  dir: string = DEFAULT_HISTORY_DIR,
): Promise<LoadedHistory> {
  const known = await listScenarios(dir);
  const match =
    known.find((s) => s.slug === scenario) ??
    known.find((s) => s.scenario === scenario) ??
    known.find((s) => s.slug === scenarioSlug(scenario));
  if (match === undefined) {
    const names = known.map((s) => s.scenario);
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      names.length === 0
        ? `no saved runs in '${dir}' (save runs with: volley run … --save)`
        : `no saved runs of scenario '${scenario}' in '${dir}'; scenarios with runs: ${names.join(', ')}`,
    );
  }
  const folder = join(dir, match.slug);
  const runs = await Promise.all((await runFiles(folder)).map((name) => readRun(join(folder, name))));
  const results: Result[] = [];
  const skipped: LoadedHistory['skipped'] = [];
  for (const run of runs) {
    if (run.ok) results.push(run.result);
    else skipped.push({ file: run.file, reason: run.reason });
  }
  return { slug: match.slug, scenario: match.scenario, results: sortByStart(results), skipped };
}

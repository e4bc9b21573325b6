/**
 * The scenario bundle cache: esbuild's output for a scenario file, kept between runs so a second
 * run of an unchanged file neither loads nor runs esbuild.
 *
 * An entry is found by what cannot be read from the files: the scenario's path, the bundling
 * options, volley's version and its bundling code, esbuild's version and the working folder.
 * It is valid while every input file of the bundle (esbuild's metafile lists them: the scenario
 * and each local module it imports) and the nearest tsconfig.json, jsconfig.json and
 * package.json of each of their folders still hash to what they did when it was written.
 *
 * The folder is `node_modules/.cache/volley/` of the nearest node_modules above the scenario
 * (where build tools keep their caches), else `$XDG_CACHE_HOME/volley/`, else `volley-cache/`
 * in the OS temporary folder; deleting it is always safe. `VOLLEY_NO_CACHE=1` turns the cache
 * off. A cache is an optimisation: an entry that cannot be read, parsed or trusted is a miss,
 * and one that cannot be written is skipped; neither ever fails a run.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { codeFile } from '../core/package-files.js';
import { VERSION } from '../version.js';

/** The entry format; a change makes older entries misses. */
const FORMAT = 1;
/** Files beside an input that change how esbuild reads or resolves it. */
const CONTEXT_NAMES = ['tsconfig.json', 'jsconfig.json', 'package.json'] as const;
/** The modules whose code decides what a bundle contains, hashed into every key. */
const BUNDLER_MODULES = ['./scenario-file.js', './declared-names.js', './bundle-cache.js'];

/** A file's content hash at bundling time; null: the file did not exist. */
interface FileHash {
  path: string;
  sha256: string | null;
}

interface CacheEntry {
  format: number;
  key: string;
  inputs: FileHash[];
  context: FileHash[];
  code: string;
}

/** Where a bundle of `file` is cached, or null when the cache is off (`VOLLEY_NO_CACHE`). */
export function bundleCacheDir(file: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const off = env.VOLLEY_NO_CACHE;
  if (off !== undefined && off !== '' && off !== '0' && off.toLowerCase() !== 'false') return null;
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (isDirectory(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'volley');
    if (dirname(dir) === dir) break;
  }
  const xdg = env.XDG_CACHE_HOME;
  return xdg !== undefined && xdg !== '' ? join(xdg, 'volley') : join(tmpdir(), 'volley-cache');
}

/**
 * The key of a bundle: everything it depends on besides the files' contents. `variant` holds the
 * bundling options (and the scenario's path); volley's and esbuild's versions are added here.
 */
export function bundleKey(variant: Record<string, unknown>): string {
  const material = JSON.stringify({ FORMAT, VERSION, esbuild: esbuildVersion(), bundler: bundlerHash(), cwd: process.cwd(), variant });
  return sha256(material);
}

/** The cached code of the bundle `key`, if its entry is readable and every file is unchanged. */
export function readCachedBundle(dir: string, key: string): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, key), 'utf8')) as unknown;
    if (!isCacheEntry(entry) || entry.format !== FORMAT || entry.key !== key) return undefined;
    if (!entry.inputs.every((input) => hashFile(input.path) === input.sha256)) return undefined;
    // The context is found again: a tsconfig.json (or package.json) added nearer to an input
    // than the recorded one is a change too, as is an edit to a recorded one.
    if (!sameContext(contextFiles(entry.inputs.map((input) => input.path)), entry.context)) return undefined;
    return entry.code;
  } catch {
    return undefined;
  }
}

/**
 * Stores a bundle of `inputs` (absolute paths) under `key`. The inputs are hashed after the
 * build, so a file changed since `builtFromMs` (when the build began: esbuild may have read it
 * before the change) is not cached at all; the next run bundles again. Never throws.
 */
export async function writeCachedBundle(
  dir: string,
  key: string,
  inputs: readonly string[],
  code: string,
  builtFromMs: number,
): Promise<void> {
  try {
    const paths = [...new Set(inputs)];
    if (paths.some((path) => statSync(path).mtimeMs >= builtFromMs)) return;
    const hashes = paths.map((path) => ({ path, sha256: hashFile(path) }));
    if (hashes.some((input) => input.sha256 === null)) return;
    const entry: CacheEntry = { format: FORMAT, key, inputs: hashes, context: contextFiles(inputs), code };
    await writeFileAtomic(entryPath(dir, key), JSON.stringify(entry), 'cache');
  } catch {
    // A read-only or full disk: the next run bundles again.
  }
}

/** The input files of a build, as absolute paths, from esbuild's metafile (paths relative to `cwd`). */
export function metafileInputs(metafile: { inputs: Record<string, unknown> }, cwd: string): string[] | undefined {
  const paths = Object.keys(metafile.inputs);
  // An input from a plugin's own namespace (`ns:path`) is not a file this cache can check.
  if (paths.some((path) => /^[a-z][\w-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path))) return undefined;
  return paths.map((path) => resolve(cwd, path));
}

function entryPath(dir: string, key: string): string {
  return join(dir, `scenario-${key.slice(0, 32)}.json`);
}

/** The nearest tsconfig.json, jsconfig.json and package.json above each input's folder. */
function contextFiles(inputs: readonly string[]): FileHash[] {
  const found = new Map<string, FileHash>();
  const folders = new Set(inputs.filter((path) => !path.includes('/node_modules/')).map((path) => dirname(path)));
  for (const folder of folders) {
    for (const name of CONTEXT_NAMES) {
      const path = nearest(folder, name);
      const key = path ?? `${folder}\0${name}`;
      if (!found.has(key)) found.set(key, { path: path ?? key, sha256: path === null ? null : hashFile(path) });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function sameContext(now: readonly FileHash[], then: readonly FileHash[]): boolean {
  return now.length === then.length && now.every((hash, i) => hash.path === then[i]?.path && hash.sha256 === then[i]?.sha256);
}

function nearest(folder: string, name: string): string | null {
  for (let dir = folder; ; dir = dirname(dir)) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return null;
  }
}

/** A file's SHA-256, or null when it cannot be read (absent, a folder, a placeholder key). */
function hashFile(path: string): string | null {
  try {
    return sha256(readFileSync(path));
  } catch {
    return null;
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

let esbuildVersionMemo: string | undefined;
/** esbuild's version from its package.json, without loading esbuild itself. */
function esbuildVersion(): string {
  if (esbuildVersionMemo === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const manifest = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version?: unknown };
      esbuildVersionMemo = String(manifest.version);
    } catch {
      esbuildVersionMemo = 'unknown';
    }
  }
  return esbuildVersionMemo;
}

let bundlerHashMemo: string | undefined;
/** The bundling code itself, so a change to it (within one version, in development) is a miss. */
function bundlerHash(): string {
  if (bundlerHashMemo === undefined) {
    const here = codeFile('runner');
    const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    bundlerHashMemo = sha256(BUNDLER_MODULES.map((module) => hashFile(join(here, module.replace(/\.js$/, extension))) ?? '').join());
  }
  return bundlerHashMemo;
}

function isCacheEntry(value: unknown): value is CacheEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<CacheEntry>;
  const hashes = (list: unknown): boolean =>
    Array.isArray(list) &&
    list.every(
      (item: Partial<FileHash> | null) =>
        typeof item === 'object' && item !== null && typeof item.path === 'string' && (typeof item.sha256 === 'string' || item.sha256 === null),
    );
  return typeof entry.key === 'string' && typeof entry.code === 'string' && hashes(entry.inputs) && hashes(entry.context);
}

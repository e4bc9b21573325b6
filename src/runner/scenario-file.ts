/**
 * Loads a scenario file: TypeScript (or JavaScript) bundled by esbuild into one ESM module, so
 * type annotations and relative imports just work on Node 20 and users compile nothing.
 *
 * `import … from 'volley'` resolves to the running volley, wherever the scenario lives (as k6's
 * built-in modules do), so every definition shares the engine's own module instances. Other npm
 * packages stay external and resolve from the scenario's folder, which is why the bundle is
 * written beside the scenario (as Vite does with its config) and deleted right after import; if
 * that folder is read-only, everything is bundled into a temporary file instead. Bundles are
 * cached between runs (bundle-cache.ts): an unchanged scenario is not bundled again.
 */

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Message, Plugin } from 'esbuild';
import { loadDeclaredFeeds } from '../engine/feeds/feed.js';
import { VOLLEY_ENTRY_PLACEHOLDER } from '../cluster/protocol.js';
import { VolleyError } from '../errors.js';
import { bundleCacheDir, bundleKey, metafileInputs, readCachedBundle, writeCachedBundle } from './bundle-cache.js';
import { declaredNamesPlugin } from './declared-names.js';

export interface LoadedScenarioModule {
  /** Absolute path of the scenario file. */
  file: string;
  exports: Record<string, unknown>;
  /** The bundled code, so workers can load the very same module. */
  code: string;
}

let sequence = 0;

export async function loadScenarioFile(path: string, volleyEntry: string): Promise<LoadedScenarioModule> {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new VolleyError('VOLLEY_E_USAGE', `scenario file '${path}' not found`, {
      location: { file: path },
    });
  }
  const beside = join(dirname(file), `.${basename(file)}.volley-${process.pid}-${sequence++}.mjs`);
  let code = await bundle(file, volleyEntry, beside, true);
  let outFile = beside;
  let tempDir: string | undefined;
  try {
    writeFileSync(outFile, code);
  } catch {
    tempDir = mkdtempSync(join(tmpdir(), 'volley-scenario-'));
    outFile = join(tempDir, `${basename(file)}.mjs`);
    code = await bundle(file, volleyEntry, outFile, false);
    writeFileSync(outFile, code);
  }
  let exports: Record<string, unknown>;
  enableSourceMaps();
  try {
    exports = (await import(pathToFileURL(outFile).href)) as Record<string, unknown>;
  } catch (error) {
    throw scenarioRuntimeError(file, error);
  } finally {
    rmSync(tempDir ?? outFile, { force: true, recursive: tempDir !== undefined });
  }
  // Feed files the scenario declared are read now: a broken CSV quote or a cut JSON file is
  // named (file and line) before the run, not found by failing iterations.
  loadDeclaredFeeds();
  return { file, exports, code };
}

/** What every scenario bundle shares: one ESM module for Node 20, with an inline source map. */
const BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  sourcemap: 'inline',
  logLevel: 'silent',
} as const;

/**
 * Runs esbuild on the scenario, or takes the bundle from the cache when nothing it was built
 * from has changed; a build error becomes a VolleyError naming file:line:column. `variant` is
 * what the options depend on beyond `BUILD_OPTIONS` (plain data, for the cache key).
 */
async function buildScenario(file: string, options: BuildOptions, variant: Record<string, unknown>): Promise<string> {
  const cacheDir = bundleCacheDir(file);
  const key = cacheDir === null ? '' : bundleKey({ ...BUILD_OPTIONS, file, ...variant });
  const cached = cacheDir === null ? undefined : readCachedBundle(cacheDir, key);
  if (cached !== undefined) return cached;
  // esbuild is loaded when a scenario is bundled, not when volley starts (`run --url` never is).
  const { build } = await import('esbuild');
  const cwd = process.cwd();
  const startedMs = Date.now();
  let code: string;
  let inputs: string[] | undefined;
  try {
    const result = await build({ ...BUILD_OPTIONS, entryPoints: [file], metafile: true, absWorkingDir: cwd, ...options });
    code = (result.outputFiles?.[0] as { text: string }).text;
    inputs = result.metafile === undefined ? undefined : metafileInputs(result.metafile, cwd);
  } catch (error) {
    throw bundleError(file, error);
  }
  if (cacheDir !== null && inputs !== undefined) await writeCachedBundle(cacheDir, key, inputs, code, startedMs);
  return code;
}

/**
 * The scenario as one self-contained module for another machine: every package bundled in, and
 * `volley` left as a placeholder the worker replaces with its own volley (see cluster/remote-worker.ts).
 */
export async function bundleStandalone(path: string): Promise<string> {
  const file = resolve(path);
  const placeholder: Plugin = {
    name: 'volley-placeholder',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^volley$/ }, () => ({ path: VOLLEY_ENTRY_PLACEHOLDER, external: true }));
    },
  };
  return buildScenario(
    file,
    { plugins: [placeholder, declaredNamesPlugin] },
    { standalone: true, plugins: [placeholder.name, declaredNamesPlugin.name] },
  );
}

/** `outFile` is where the bundle will be written: source maps are relative to it. */
async function bundle(
  file: string,
  volleyEntry: string,
  outFile: string,
  externalPackages: boolean,
): Promise<string> {
  const volleyUrl = pathToFileURL(volleyEntry).href;
  const resolveVolley: Plugin = {
    name: 'volley-self',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^volley$/ }, () => ({ path: volleyUrl, external: true }));
    },
  };
  return buildScenario(
    file,
    {
      outfile: outFile,
      sourcesContent: false,
      plugins: [resolveVolley, declaredNamesPlugin],
      ...(externalPackages ? { packages: 'external' as const } : {}),
    },
    // Source maps are relative to the bundle's folder, not its name (which changes every run);
    // a temporary folder's name is random, but its place (and so every relative path) is not.
    { outDir: externalPackages ? dirname(outFile) : join(dirname(dirname(outFile)), 'volley-scenario-*'), volley: volleyUrl, externalPackages, plugins: [resolveVolley.name, declaredNamesPlugin.name] },
  );
}

/**
 * Stack traces of scenario code point at the user's .ts lines, not the bundle's (it carries an
 * inline source map). Turned on just before the first scenario loads, not at start-up: with it
 * on, Node reads the source map of every module loaded afterwards, and hdr-histogram-js ships one
 * per module (some 20 ms of a `volley run --url`, which loads no scenario).
 */
function enableSourceMaps(): void {
  process.setSourceMapsEnabled(true);
}

function bundleError(file: string, error: unknown): VolleyError {
  const messages = (error as { errors?: Message[] }).errors ?? [];
  const lines = messages.map((m) => {
    const where =
      m.location === null ? file : `${resolve(m.location.file)}:${m.location.line}:${m.location.column + 1}`;
    const excerpt = m.location?.lineText ? `\n    ${m.location.lineText.trim()}` : '';
    return `${where}: ${m.text}${excerpt}`;
  });
  const first = messages[0]?.location;
  return new VolleyError(
    'VOLLEY_E_SCENARIO',
    lines.length > 0 ? lines.join('\n') : `${file}: ${String(error)}`,
    {
      location:
        first === undefined || first === null
          ? { file }
          : { file: resolve(first.file), line: first.line, column: first.column + 1 },
      details: lines,
      cause: error,
    },
  );
}

/** An exception thrown while the scenario module itself ran (top-level code). */
function scenarioRuntimeError(file: string, error: unknown): VolleyError {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  // With source maps enabled, frames point into the original file.
  const frame = stack.split('\n').find((line) => line.includes(file));
  const match = frame === undefined ? null : /:(\d+):(\d+)\)?\s*$/.exec(frame);
  const line = match === null ? undefined : Number(match[1]);
  const column = match === null ? undefined : Number(match[2]);
  const where = line === undefined ? file : `${file}:${line}:${column}`;
  return new VolleyError('VOLLEY_E_SCENARIO', `${where}: error while loading the scenario: ${message}`, {
    location: { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
    cause: error,
  });
}

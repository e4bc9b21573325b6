/**
 * The scenario bundle cache: an unchanged scenario is not bundled again (esbuild's build is not
 * called: a spy counts it), and a change to the scenario, a local module it imports, a tsconfig.json
 * beside it or the bundling options is; a corrupt entry is a miss, never an error.
 */

import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleCacheDir, bundleKey } from '../../../src/runner/bundle-cache.js';
import { bundleStandalone, loadScenarioFile } from '../../../src/runner/scenario-file.js';

vi.mock('esbuild', async (importOriginal) => {
  const actual = await importOriginal<typeof import('esbuild')>();
  return { ...actual, build: vi.fn(actual.build) };
});

const VOLLEY_ENTRY = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));
const builds = (): number => vi.mocked(esbuild.build).mock.calls.length;

let dir: string;
let cache: string;
const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, VOLLEY_NO_CACHE: process.env.VOLLEY_NO_CACHE };

/** Writes a file dated a minute ago: files changed while a build runs are never cached. */
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
  return path;
}

beforeEach(() => {
  vi.mocked(esbuild.build).mockClear();
  // Under the OS temporary folder, with no node_modules above: the cache goes to XDG_CACHE_HOME.
  dir = mkdtempSync(join(tmpdir(), 'volley-bundle-cache-'));
  cache = join(dir, 'cache');
  process.env.XDG_CACHE_HOME = cache;
  delete process.env.VOLLEY_NO_CACHE;
  write('greeting.ts', `export const GREETING: string = 'hello';\n`);
  write('scenario.ts', `import { GREETING } from './greeting.js';\nexport default { greeting: GREETING };\n`);
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const load = async (): Promise<unknown> => (await loadScenarioFile(join(dir, 'scenario.ts'), VOLLEY_ENTRY)).exports.default;

describe('the scenario bundle cache', () => {
  it('bundles an unchanged scenario once: the second load does not call esbuild', async () => {
    expect(await load()).toEqual({ greeting: 'hello' });
    expect(builds()).toBe(1);
    expect(readdirSync(join(cache, 'volley'))).toHaveLength(1);
    expect(await load()).toEqual({ greeting: 'hello' });
    expect(builds()).toBe(1);
  });

  it('bundles again after a local module the scenario imports changed', async () => {
    await load();
    write('greeting.ts', `export const GREETING: string = 'bonjour';\n`);
    expect(await load()).toEqual({ greeting: 'bonjour' });
    expect(builds()).toBe(2);
    // The new bundle replaced the old one's entry, and is found in turn.
    expect(await load()).toEqual({ greeting: 'bonjour' });
    expect(builds()).toBe(2);
  });

  it('bundles again after the scenario itself changed', async () => {
    await load();
    write('scenario.ts', `import { GREETING } from './greeting.js';\nexport default { greeting: GREETING + '!' };\n`);
    expect(await load()).toEqual({ greeting: 'hello!' });
    expect(builds()).toBe(2);
  });

  it('bundles again when a tsconfig.json appears beside the scenario', async () => {
    await load();
    write('tsconfig.json', '{ "compilerOptions": {} }\n');
    await load();
    expect(builds()).toBe(2);
  });

  it('keeps bundles of other options apart: the standalone bundle is a miss, then a hit of its own', async () => {
    await load();
    const standalone = await bundleStandalone(join(dir, 'scenario.ts'));
    expect(builds()).toBe(2);
    expect(await bundleStandalone(join(dir, 'scenario.ts'))).toBe(standalone);
    await load();
    expect(builds()).toBe(2);
  });

  it('gives a different key to different options, scenarios and volley entries', () => {
    const base = { file: '/s/load.ts', outDir: '/s', externalPackages: true, volley: 'file:///v/index.js' };
    const keys = new Set([
      bundleKey(base),
      bundleKey({ ...base, externalPackages: false }),
      bundleKey({ ...base, file: '/s/other.ts' }),
      bundleKey({ ...base, volley: 'file:///w/index.js' }),
      bundleKey({ ...base, outDir: '/t' }),
    ]);
    expect(keys.size).toBe(5);
    expect(bundleKey({ ...base })).toBe(bundleKey(base));
  });

  it('falls back to bundling when an entry is corrupt, and repairs it', async () => {
    await load();
    const [entry] = readdirSync(join(cache, 'volley'));
    for (const garbage of ['{"format":1,"key":', '[]', 'null', '{"format":1,"key":"x","inputs":[],"context":[],"code":1}']) {
      writeFileSync(join(cache, 'volley', entry as string), garbage);
      expect(await load()).toEqual({ greeting: 'hello' });
    }
    expect(builds()).toBe(5);
    await load();
    expect(builds()).toBe(5);
  });

  it('never fails a run when the cache folder cannot be written', async () => {
    // A file where the cache folder should be: every write fails.
    writeFileSync(cache, 'not a folder');
    expect(await load()).toEqual({ greeting: 'hello' });
    expect(await load()).toEqual({ greeting: 'hello' });
    expect(builds()).toBe(2);
  });

  it('is off with VOLLEY_NO_CACHE=1', async () => {
    process.env.VOLLEY_NO_CACHE = '1';
    await load();
    await load();
    expect(builds()).toBe(2);
    expect(() => readdirSync(cache)).toThrow();
  });
});

describe('where bundles are cached', () => {
  it('under the nearest node_modules above the scenario, else XDG_CACHE_HOME, else the temporary folder', () => {
    const project = mkdtempSync(join(tmpdir(), 'volley-bundle-project-'));
    mkdirSync(join(project, 'node_modules'));
    mkdirSync(join(project, 'load'));
    expect(bundleCacheDir(join(project, 'load', 'shop.ts'), {})).toBe(join(project, 'node_modules', '.cache', 'volley'));
    const loose = mkdtempSync(join(tmpdir(), 'volley-bundle-loose-'));
    expect(bundleCacheDir(join(loose, 'shop.ts'), { XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/volley');
    expect(bundleCacheDir(join(loose, 'shop.ts'), {})).toBe(join(tmpdir(), 'volley-cache'));
    expect(bundleCacheDir(join(loose, 'shop.ts'), { VOLLEY_NO_CACHE: '1' })).toBeNull();
    expect(bundleCacheDir(join(loose, 'shop.ts'), { VOLLEY_NO_CACHE: '0' })).toBe(join(tmpdir(), 'volley-cache'));
  });
});

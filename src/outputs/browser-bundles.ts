/**
 * The scripts volley's pages run in the browser (the HTML report's and the web UI's) are
 * TypeScript under src/ (see tsconfig.browser.json), each bundled by esbuild into one IIFE that
 * the page inlines. `npm run build` writes them to dist/browser/ (scripts/build-browser.mjs);
 * code running from src/ (tests, a checkout without a build) bundles them in memory instead.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

export type BrowserBundle = 'report' | 'ui' | 'history';

/** Each bundle's entry, relative to src/. */
export const BROWSER_ENTRIES: Readonly<Record<BrowserBundle, string>> = {
  report: 'outputs/html/browser/report.ts',
  ui: 'ui/browser/main.ts',
  history: 'outputs/compare/browser/history.ts',
};

/** Where `npm run build` puts a bundle, relative to dist/. */
export function builtBundleFile(name: BrowserBundle): string {
  return join('browser', `${name}.js`);
}

/** Readable output (not minified): a report's script should be as inspectable as its data. */
function bundleOptions(entry: string): BuildOptions & { write: false } {
  return {
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
  };
}

/** Bundles one entry in memory: the browser script's text. */
export function bundleBrowserScript(srcRoot: string, name: BrowserBundle): string {
  // Loaded only here: a built volley reads dist/browser/ and never needs the bundler for its pages.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync(bundleOptions(join(srcRoot, BROWSER_ENTRIES[name])));
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error(`esbuild wrote nothing for ${BROWSER_ENTRIES[name]}`);
  return file.text;
}

/** `npm run build`'s step after tsc: every bundle, from src/ into dist/browser/. */
export function writeBrowserBundles(srcRoot: string, distRoot: string): string[] {
  return (Object.keys(BROWSER_ENTRIES) as BrowserBundle[]).map((name) => {
    const file = join(distRoot, builtBundleFile(name));
    mkdirSync(join(distRoot, 'browser'), { recursive: true });
    writeFileSync(file, bundleBrowserScript(srcRoot, name));
    return file;
  });
}

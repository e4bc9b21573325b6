/**
 * The one loader of what volley's pages inline: uPlot's browser build and stylesheet (from
 * node_modules) and the pages' own browser scripts (dist/browser/, built by `npm run build`, or
 * bundled in memory from src/ when running without a build; see browser-bundles.ts). Everything
 * is read on first use and kept, so a command that writes no page never pays for it. Inlining
 * (rather than a CDN link) is what lets a report open offline, years after the run.
 *
 * Failure policy: a page whose asset cannot be read is still written, WITHOUT what is missing
 * (no charts, or no script), and each missing asset is named once in a warning on stderr (and
 * `missing` lets the page say so too). Chosen over an error because a report is written at the
 * end of a run, possibly hours long: its verdict, tables and embedded Result are all rendered in
 * Node and are worth keeping even when a broken install lost the chart library.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot, runsFromBuild } from '../core/package-files.js';
import { BROWSER_ENTRIES, type BrowserBundle, builtBundleFile, bundleBrowserScript } from './browser-bundles.js';
import { scriptForInline } from './html/script-text.js';

export type { BrowserBundle };

/** uPlot, ready to place in a `<script>` and a `<style>`. */
export interface ChartAssets {
  js: string;
  css: string;
}

/** What one page inlines; null members are missing, each named in `missing`. */
export interface PageAssets {
  uplot: ChartAssets | null;
  script: string | null;
  /** One line per missing asset, for a notice in the page. */
  missing: string[];
}

/**
 * A built volley (this module under dist/) reads dist/browser/; anything else (src/ under vitest,
 * a script bundled from src/) bundles from src/, so it never runs a stale build of its script.
 */
function readScript(name: BrowserBundle): string {
  const root = packageRoot();
  const src = join(root, 'src');
  const built = runsFromBuild() ? join(root, 'dist', builtBundleFile(name)) : null;
  if (built === null && existsSync(join(src, BROWSER_ENTRIES[name]))) return bundleBrowserScript(src, name);
  return readFileSync(built ?? join(root, 'dist', builtBundleFile(name)), 'utf8');
}

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`Warning: ${message}\n`);
}

type Loaded<T> = { value: T } | { what: string; reason: string };

function attempt<T>(what: string, load: () => T): Loaded<T> {
  try {
    return { value: load() };
  } catch (error) {
    return { what, reason: (error as Error).message };
  }
}

let uplot: Loaded<ChartAssets> | undefined;

function loadUplot(): Loaded<ChartAssets> {
  uplot ??= attempt('the chart library (the uplot package)', () => {
    const require = createRequire(import.meta.url);
    const read = (specifier: string): string => readFileSync(require.resolve(specifier), 'utf8');
    return {
      js: scriptForInline(read('uplot/dist/uPlot.iife.min.js')),
      css: read('uplot/dist/uPlot.min.css').replace(/<\/(style)/gi, '<\\/$1'),
    };
  });
  return uplot;
}

const scripts = new Map<BrowserBundle, Loaded<string>>();

function loadScript(name: BrowserBundle): Loaded<string> {
  let loaded = scripts.get(name);
  if (loaded === undefined) {
    loaded = attempt(`its script (${builtBundleFile(name)})`, () => scriptForInline(readScript(name)));
    scripts.set(name, loaded);
  }
  return loaded;
}

function valueOf<T>(loaded: Loaded<T>, missing: string[], page: string): T | null {
  if ('value' in loaded) return loaded.value;
  missing.push(`${loaded.what} cannot be read (${loaded.reason})`);
  warnOnce(
    `${page} is written without ${loaded.what}, which cannot be read (${loaded.reason}). ` +
      'Reinstall volley, or run `npm run build` in its checkout.',
  );
  return null;
}

const PAGE_NAMES: Readonly<Record<BrowserBundle, string>> = {
  report: 'the HTML report',
  ui: 'the web UI',
  history: 'the history page',
};

/** uPlot and the page's own bundled script. */
export function pageAssets(name: BrowserBundle): PageAssets {
  const page = PAGE_NAMES[name];
  const missing: string[] = [];
  return { uplot: valueOf(loadUplot(), missing, page), script: valueOf(loadScript(name), missing, page), missing };
}

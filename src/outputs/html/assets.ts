/**
 * The chart library the report inlines: uPlot's browser build and stylesheet, read from
 * node_modules once when this module loads. Inlining (rather than a CDN link) is what lets the
 * report open offline, from a CI artifact or an e-mail attachment, years after the run.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { scriptForInline } from './script-text.js';

const require = createRequire(import.meta.url);

function readAsset(specifier: string): string {
  return readFileSync(require.resolve(specifier), 'utf8');
}

/** uPlot's IIFE build (defines the global `uPlot`), ready to place in a `<script>`. */
export const UPLOT_JS = scriptForInline(readAsset('uplot/dist/uPlot.iife.min.js'));

/** uPlot's stylesheet; it has no `</style` and no external references. */
export const UPLOT_CSS = readAsset('uplot/dist/uPlot.min.css');

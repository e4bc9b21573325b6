/**
 * uPlot's browser build and stylesheet for the history page, read from node_modules when a page
 * is rendered (not when this module loads, so `volley compare` never pays for it). Inlined, so
 * the page opens offline. Null when the package cannot be found: the page then shows its table
 * without charts rather than failing the command.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { scriptForInline } from './html-page.js';

export interface ChartAssets {
  js: string;
  css: string;
}

let cached: ChartAssets | null | undefined;

export function uplotAssets(): ChartAssets | null {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    const read = (specifier: string): string => readFileSync(require.resolve(specifier), 'utf8');
    cached = {
      js: scriptForInline(read('uplot/dist/uPlot.iife.min.js')),
      css: read('uplot/dist/uPlot.min.css').replace(/<\/(style)/gi, '<\\/$1'),
    };
  } catch {
    cached = null;
  }
  return cached;
}

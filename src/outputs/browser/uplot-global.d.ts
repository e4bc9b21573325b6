/**
 * uPlot as the pages have it: the IIFE build inlined before the page's own script defines the
 * global `uPlot` (absent only if the page was written without its chart library).
 */

import type UPlot from 'uplot';

declare global {
  var uPlot: typeof UPlot | undefined;
}

/**
 * What a page (the HTML report, the web UI) inlines from the asset loader (../assets.ts): uPlot's
 * stylesheet in the head, uPlot and the page's own script at the end of the body, and, when the
 * loader could not read some of them, a notice at the top of the page saying what is missing.
 */

import type { PageAssets } from '../assets.js';
import { html, type SafeHtml, trusted } from './html.js';

/** uPlot's `<style>`, or nothing when it is missing. */
export function assetStyles(assets: PageAssets): SafeHtml {
  return assets.uplot === null ? html`` : html`<style>${trusted(assets.uplot.css)}</style>`;
}

/** uPlot's `<script>` and the page's, each left out when missing. */
export function assetScripts(assets: PageAssets): SafeHtml {
  const uplot = assets.uplot === null ? '' : html`<script>${trusted(assets.uplot.js)}</script>`;
  const script = assets.script === null ? '' : html`<script>${trusted(assets.script)}</script>`;
  return html`${uplot}${uplot === '' || script === '' ? '' : '\n'}${script}`;
}

/** Empty when nothing is missing; else a warning box (the report's style) naming each missing asset. */
export function missingAssetsNotice(assets: PageAssets): SafeHtml {
  if (assets.missing.length === 0) return html``;
  return html`<section class="warnings" role="alert"><h2><span aria-hidden="true">⚠</span> This page was written without some of its parts</h2>
<ul>${assets.missing.map((line) => html`<li>${line}</li>`)}</ul></section>
`;
}

/**
 * The self-contained HTML report (`--html path`). Other layers import from here only.
 */

export type { ChartSpec, SeriesSpec } from './chart-data.js';
export { escapeHtml, html, type SafeHtml, trusted } from './html.js';
export { HtmlFileOutput, writeHtmlReport } from './html-output.js';
export { REPORT_DATA_ID, type ReportData, renderHtmlReport } from './render-report.js';
export { assetScripts, assetStyles, missingAssetsNotice } from './page-assets.js';
export { REPORT_CSS } from './styles.js';

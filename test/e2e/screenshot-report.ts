/**
 * Not a test: renders the realistic fixture to an HTML report and screenshots it full-page, for
 * a person to look at while working on the report's design. Run from the repository root:
 *
 *   npx esbuild test/e2e/screenshot-report.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=node_modules/.cache/volley/screenshot-report.mjs \
 *     && node node_modules/.cache/volley/screenshot-report.mjs [html] [png] [width] [theme] [selector]
 *
 * Defaults: /tmp/volley-report.html, /tmp/volley-report.png, 1400 px wide, `light` theme (or
 * `dark`), the whole page (or only the element a CSS selector names, to see details up close).
 */

import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { renderHtmlReport } from '../../src/outputs/html/index.js';
import { launchChromium } from './chromium.js';
import { realisticResult } from './report-fixture.js';

const [
  htmlPath = '/tmp/volley-report.html',
  pngPath = '/tmp/volley-report.png',
  width = '1400',
  theme = 'light',
  selector,
] = process.argv.slice(2);

await writeFile(htmlPath, renderHtmlReport(realisticResult()), 'utf8');
const chromium = await launchChromium({
  width: Number(width),
  colorScheme: theme === 'dark' ? 'dark' : 'light',
});
try {
  const page = await chromium.context.newPage();
  page.on('console', (message) => console.log(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto(pathToFileURL(htmlPath).href);
  if (selector === undefined) await page.screenshot({ path: pngPath, fullPage: true });
  else await page.locator(selector).screenshot({ path: pngPath });
  console.log(`wrote ${htmlPath} and ${pngPath}`);
} finally {
  await chromium.close();
}

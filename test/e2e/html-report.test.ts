/**
 * The HTML report in a real browser (Debian Chromium through playwright-core): it opens from
 * file:// without a single other request, logs no error, draws every chart, runs none of the
 * markup hidden in target data, and sorts a table when a header is clicked. Without
 * /usr/bin/chromium the tests are reported as skipped, with the reason in their names.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../src/metrics/histogram.js';
import { writeHtmlReport } from '../../src/outputs/html/index.js';
import { CHROMIUM_PATH, HAS_CHROMIUM, type LaunchedChromium, launchChromium } from './chromium.js';
import { realisticResult } from './report-fixture.js';

const SKIPPED = HAS_CHROMIUM ? '' : ` [skipped: ${CHROMIUM_PATH} not found]`;
if (!HAS_CHROMIUM) console.warn(`html-report browser tests skipped: ${CHROMIUM_PATH} not found`);

const SCRIPT_IN_MESSAGE = '</script><script>alert(1)</script>';
const IMG_IN_NAME = '/search?q=<img src=x onerror=alert(2)>';

function hostileResult() {
  const result = realisticResult();
  (result.errors[0] as (typeof result.errors)[number]).message = SCRIPT_IN_MESSAGE;
  (result.endpoints[0] as (typeof result.endpoints)[number]).name = IMG_IN_NAME;
  return result;
}

interface ImageLike {
  data: ArrayLike<number>;
}

interface Visit {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** One second, one request, nothing else: every chart has a single point, or none. */
function tinyResult() {
  const result = realisticResult(1);
  const histogram = createHistogram();
  histogram.recordValue(1234);
  Object.assign(result, { endpoints: [], errors: [], checks: [], thresholds: [], warnings: [] });
  result.userClasses = [];
  result.totals.histogram = encodeHistogram(histogram);
  result.timeSeries = [{ t: 1, users: 1, rps: 1, failuresPerSec: 0, p50: null, p95: null, p99: null }];
  return result;
}

let dir: string;
let fileUrl: string;
let tinyUrl: string;
let chromium: LaunchedChromium | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  dir = await mkdtemp(join(tmpdir(), 'volley-html-e2e-'));
  const path = join(dir, 'report.html');
  await writeHtmlReport(hostileResult(), path);
  fileUrl = pathToFileURL(path).href;
  const tiny = join(dir, 'tiny.html');
  await writeHtmlReport(tinyResult(), tiny);
  tinyUrl = pathToFileURL(tiny).href;
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function visit(url = fileUrl): Promise<Visit> {
  if (chromium === undefined) throw new Error('chromium was not launched');
  const page = await chromium.context.newPage();
  const visit: Visit = { page, requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (request) => visit.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') visit.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => visit.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return visit;
}

/** Cell texts of one column of the endpoints table, top to bottom. */
function column(page: Page, index: number): Promise<string[]> {
  return page
    .locator(`#endpoints tbody tr td:nth-child(${index + 1})`)
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-v') ?? cell.textContent ?? ''));
}

describe(`HTML report in Chromium${SKIPPED}`, () => {
  it.skipIf(!HAS_CHROMIUM)('opens with no request but the file itself, and no error', async () => {
    const { page, requests, consoleErrors, pageErrors, dialogs } = await visit();
    // Give anything lazy (fonts, images, fetches) a moment to show up.
    await page.waitForTimeout(300);
    expect(requests).toEqual([fileUrl]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.skipIf(!HAS_CHROMIUM)('shows markup from the target as text', async () => {
    const { page } = await visit();
    expect(await page.locator('#errors').textContent()).toContain(SCRIPT_IN_MESSAGE);
    expect(await page.locator('#endpoints').textContent()).toContain(IMG_IN_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
    await page.close();
  });

  it.skipIf(!HAS_CHROMIUM)('draws every chart on a sized, non-blank canvas', async () => {
    const { page } = await visit();
    const ids = await page.locator('[data-chart]').evaluateAll((els) => els.map((el) => el.dataset.chart));
    expect(ids).toEqual(['throughput', 'latency', 'users', 'distribution', 'monitor-cpu', 'monitor-memory']);
    const canvases = page.locator('[data-chart] .uplot canvas');
    expect(await canvases.count()).toBe(ids.length);
    for (const canvas of await canvases.all()) {
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(100);
      const painted = await canvas.evaluate((el) => {
        // The project compiles without DOM types; this is the slice of a canvas used here.
        const c = el as unknown as {
          width: number;
          height: number;
          getContext(
            kind: '2d',
          ): { getImageData(x: number, y: number, w: number, h: number): ImageLike } | null;
        };
        const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) count += 1;
        return count;
      });
      // Axes, grid and at least one series: far more than a few stray pixels.
      expect(painted).toBeGreaterThan(1000);
    }
    await page.close();
  });

  it.skipIf(!HAS_CHROMIUM)('sorts the endpoints table by the header clicked', async () => {
    const { page } = await visit();
    const requests = await column(page, 3);
    expect(requests).toEqual(['1800', '1500', '900', '600']);

    const name = page.locator('#endpoints thead th').nth(2);
    await name.locator('button').click();
    expect(await name.getAttribute('aria-sort')).toBe('ascending');
    const names = await page
      .locator('#endpoints tbody tr td:nth-child(3)')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(names).toEqual([
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/generation/[id]',
      IMG_IN_NAME,
    ]);

    const p99 = page.locator('#endpoints thead th').nth(10);
    await p99.locator('button').click();
    expect(await p99.getAttribute('aria-sort')).toBe('descending');
    expect(await name.getAttribute('aria-sort')).toBeNull();
    expect(await column(page, 10)).toEqual(['1210', '120', '75.3', '31.7']);
    await p99.locator('button').click();
    expect(await p99.getAttribute('aria-sort')).toBe('ascending');
    expect(await column(page, 10)).toEqual(['31.7', '75.3', '120', '1210']);
    // The totals row stays below, out of sorting.
    expect(await page.locator('#endpoints tfoot tr').count()).toBe(1);
    await page.close();
  });

  it.skipIf(!HAS_CHROMIUM)('draws a one-second, one-request run without error', async () => {
    const { page, requests, consoleErrors, pageErrors } = await visit(tinyUrl);
    expect(requests).toEqual([tinyUrl]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    const ids = await page.locator('[data-chart]').evaluateAll((els) => els.map((el) => el.dataset.chart));
    expect(ids).toEqual(['throughput', 'latency', 'users', 'distribution', 'monitor-cpu', 'monitor-memory']);
    expect(await page.locator('[data-chart] .uplot canvas').count()).toBe(ids.length);
    await page.close();
  });
});

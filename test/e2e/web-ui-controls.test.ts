/**
 * The web UI's run controls in a real browser (Debian Chromium through playwright-core), as a
 * Locust user would use them: a run started from the form with one of two user classes unticked,
 * its users changed mid-run with Edit, Reset stats, requests.csv downloaded, Stop, and the JSON
 * result downloaded. Every wait polls the page's DOM with generous limits, never a sleep, so a
 * busy machine makes it slower, not flaky. Without /usr/bin/chromium it is reported as skipped.
 * Needs `npm run build` (it runs dist/cli/main.js). With VOLLEY_UI_EDIT_SCREENSHOT set to a path,
 * it also saves a screenshot of the running page with the Edit control open there.
 */

import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';
import { startUiProcess, type UiProcess } from './ui-process.js';
import { CHROMIUM_PATH, HAS_CHROMIUM, type LaunchedChromium, launchChromium } from './chromium.js';

const SKIPPED = HAS_CHROMIUM ? '' : ` [skipped: ${CHROMIUM_PATH} not found]`;

const TOKEN = 'e2e-controls-0123456789abcdef';
/** How long any one step may take on a slow machine. */
const STEP_MS = 30_000;

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({ wait: constant('20ms'), tasks: { read: ({ http }) => http.get('/items') } });
export const Writer = defineUser({ wait: constant('20ms'), tasks: { write: ({ http }) => http.post('/writes', { body: 'x' }) } });
export default defineScenario({ name: 'controls e2e', users: [Reader, Writer], load: { users: 2, duration: '60s' } });
`;

let target: LoopbackServer;
let chromium: LaunchedChromium | undefined;
let ui: UiProcess | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  target = await startServer((_req, res) => res.end('ok'));
  chromium = await launchChromium();
});

afterAll(async () => {
  await ui?.stop();
  await chromium?.close();
  await target?.close();
});

/** A figure of the status bar, as a number. */
async function figure(page: Page, id: string): Promise<number> {
  return Number(((await page.textContent(`#${id}`)) ?? '').replace(/,/g, ''));
}

/** Clicks a download link and reads what the browser saved. */
async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [saved] = (await Promise.all([page.waitForEvent('download'), page.click(selector)])) as [Download, void];
  const path = await saved.path();
  return { name: saved.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe(`web UI run controls in Chromium${SKIPPED}`, () => {
  it.skipIf(!HAS_CHROMIUM)('runs the ticked classes, edits users, resets stats, and downloads CSV and JSON', async () => {
    ui = startUiProcess(SCENARIO, target.url, TOKEN, 150_000);
    const url = await ui.url;
    const page = await (chromium as LaunchedChromium).context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    await page.locator('#start-form').waitFor({ state: 'visible' });

    // Both classes ticked by default; none ticked is refused beside the form.
    const reader = page.locator('#start-classes input[value="Reader"]');
    const writer = page.locator('#start-classes input[value="Writer"]');
    expect(await reader.isChecked()).toBe(true);
    expect(await writer.isChecked()).toBe(true);
    await reader.uncheck();
    await writer.uncheck();
    await page.click('#start-button');
    await expect.poll(() => page.textContent('#start-error')).toContain('Tick at least one user class');
    await reader.check();
    await page.fill('#f-users', '2');
    await page.fill('#f-spawn-rate', '100');
    await page.fill('#f-run-time', '');
    await page.click('#start-button');
    await page.locator('#run').waitFor({ state: 'visible' });
    await page.locator('#stats-body tr', { hasText: '/items' }).waitFor();
    await expect.poll(() => figure(page, 's-users'), { timeout: STEP_MS }).toBe(2);

    // Edit: a new number of users, and the users figure follows.
    await page.click('#edit-button');
    await page.locator('#edit-panel').waitFor({ state: 'visible' });
    expect(await page.inputValue('#e-users')).toBe('2');
    await page.fill('#e-users', '5');
    await page.fill('#e-spawn-rate', '50');
    const screenshot = process.env.VOLLEY_UI_EDIT_SCREENSHOT;
    if (screenshot !== undefined && screenshot !== '') await page.screenshot({ path: screenshot, fullPage: true });
    await page.click('#edit-apply');
    await page.locator('#edit-panel').waitFor({ state: 'hidden' });
    await expect.poll(() => figure(page, 's-users'), { timeout: STEP_MS }).toBe(5);

    // Reset stats: the request count starts again from zero.
    await expect.poll(() => figure(page, 's-requests'), { timeout: STEP_MS }).toBeGreaterThan(600);
    const before = await figure(page, 's-requests');
    await page.click('#reset-button');
    await expect.poll(() => figure(page, 's-requests'), { timeout: STEP_MS }).toBeLessThan(before);
    await page.locator('#stats-body tr', { hasText: '/items' }).waitFor();

    // The statistics so far, as Locust's CSV.
    const csv = await download(page, 'a[href="requests.csv"]');
    expect(csv.name).toBe('requests.csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^Type,Name,Request Count,Failure Count,/);
    expect(csv.text).toContain('GET,/items,');
    expect(csv.text).not.toContain('/writes');

    // Stop, then the JSON result tells the story.
    await page.click('#stop-button');
    await page.locator('#verdict-word', { hasText: 'ABORTED' }).waitFor();
    // The Report tab opened; the downloads stay on the Statistics tab, now with the JSON.
    await page.click('#tab-stats');
    const json = await download(page, '#json-download');
    expect(json.name).toBe('result.json');
    const result = JSON.parse(json.text) as { warnings: string[]; load: { description: string }; endpoints: { name: string }[] };
    expect(result.load.description).toMatch(/changed to 5 users at 50\/s at \d+s/);
    expect(result.warnings.join('\n')).toMatch(/Users changed to 5 \(at 50\/s\) at \d+s from the web UI/);
    expect(result.warnings.join('\n')).toMatch(/Statistics were reset at \d+s from the web UI/);
    expect(result.endpoints.map((e) => e.name)).toEqual(['/items']);
    expect(target.hits.get('/writes') ?? 0).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 150_000);
});

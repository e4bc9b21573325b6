/**
 * The live web UI in a real browser (Debian Chromium through playwright-core), driven as a person
 * would: `volley run … --ui` (the built CLI) against a loopback target, the page opened by the
 * URL with its token, a run started from the form, the Statistics table filling, the Charts tab
 * drawing, Stop, and the verdict. Every wait is on the page's DOM, never a sleep, so a busy
 * machine makes it slower, not flaky. Without /usr/bin/chromium it is reported as skipped, with
 * the reason in its name. Needs `npm run build` (it runs dist/cli/main.js).
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';
import { startUiProcess, type UiProcess } from './ui-process.js';
import { CHROMIUM_PATH, HAS_CHROMIUM, type LaunchedChromium, launchChromium } from './chromium.js';

const SKIPPED = HAS_CHROMIUM ? '' : ` [skipped: ${CHROMIUM_PATH} not found]`;
if (!HAS_CHROMIUM) console.warn(`web UI browser test skipped: ${CHROMIUM_PATH} not found`);

const TOKEN = 'e2e-token-0123456789abcdef';
/** How long any one step may take on a slow machine; the run itself has no time limit. */
const STEP_MS = 20_000;

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({ wait: constant('20ms'), tasks: {
  read: ({ http }) => http.get('/items'),
  miss: ({ http }) => http.get('/missing'),
} });
export default defineScenario({ name: 'browser e2e', users: [Reader], load: { users: 2, duration: '30s' }, thresholds: ['p95<5s'] });
`;

let target: LoopbackServer;
let chromium: LaunchedChromium | undefined;
let ui: UiProcess | undefined;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  target = await startServer((req, res) => {
    if (req.url === '/missing') res.statusCode = 404;
    res.end('ok');
  });
  chromium = await launchChromium();
});

afterAll(async () => {
  // The UI stays up after its run until Ctrl-C.
  await ui?.stop();
  await chromium?.close();
  await target?.close();
});

/** The number in the Aggregated row's `# Requests` cell. */
async function aggregatedRequests(page: Page): Promise<number> {
  return Number(((await page.locator('#stats-total td').nth(2).textContent()) ?? '').replace(/,/g, ''));
}

describe(`web UI in Chromium${SKIPPED}`, () => {
  it.skipIf(!HAS_CHROMIUM)('starts a run from the form, fills the table and charts, stops, and shows the verdict', async () => {
    ui = startUiProcess(SCENARIO, target.url, TOKEN, 90_000);
    const url = await ui.url;
    expect(url).toContain(`?token=${TOKEN}`);
    const page = await (chromium as LaunchedChromium).context.newPage();
    page.setDefaultTimeout(STEP_MS);
    const problems: string[] = [];
    const origins = new Set<string>();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => origins.add(new URL(request.url()).origin));

    // The form, prefilled from the scenario; the token in the URL became the page's cookie.
    await page.goto(url);
    await page.locator('#start-form').waitFor({ state: 'visible' });
    expect(await page.inputValue('#f-users')).toBe('2');
    expect(await page.inputValue('#f-host')).toBe(target.url);
    expect(await page.textContent('#start-classes')).toContain('Reader');

    // A refusal the page catches itself, then a run until stopped.
    await page.fill('#f-users', '0');
    await page.click('#start-button');
    await expect.poll(() => page.textContent('#start-error')).toContain('Number of users');
    await page.fill('#f-users', '3');
    await page.fill('#f-spawn-rate', '100');
    await page.fill('#f-run-time', '');
    await page.click('#start-button');

    // The Statistics table fills: one row per endpoint, and the Aggregated row counts.
    await page.locator('#run').waitFor({ state: 'visible' });
    await page.locator('#stats-body tr', { hasText: '/missing' }).waitFor();
    await page.locator('#stats-body tr', { hasText: '/items' }).waitFor();
    // A string, evaluated in the page: this file is type-checked without DOM types.
    await page.waitForFunction("Number(document.getElementById('s-requests').textContent.replace(/,/g, '')) > 0");
    expect(await page.textContent('#phase-word')).toBe('RUNNING');
    expect(await aggregatedRequests(page)).toBeGreaterThan(0);
    await page.locator('#tab-failures-count').waitFor({ state: 'visible' });

    // The Charts tab draws three charts.
    await page.click('#tab-charts');
    await page.locator('[data-live-chart="throughput"] canvas').waitFor();
    expect(await page.locator('#panel-charts .uplot').count()).toBe(3);

    // Stop: the Report tab opens with the verdict.
    await page.click('#stop-button');
    await page.locator('#verdict-word', { hasText: 'ABORTED' }).waitFor();
    expect(await page.getAttribute('#tab-report', 'aria-selected')).toBe('true');
    expect(await page.textContent('#phase-word')).toBe('ABORTED');
    expect(await page.textContent('#verdict-reason')).toBe('the run was stopped before its planned end');
    expect(await page.textContent('#thresholds-note')).toBe('1 of 1 passed');
    expect(await page.getAttribute('#report-link', 'href')).toBe('report.html');
    expect(await page.locator('#new-test').isVisible()).toBe(true);

    expect(problems).toEqual([]);
    expect([...origins]).toEqual([new URL(url).origin]);
    await page.close();
  });
});

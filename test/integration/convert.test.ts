/**
 * `volley convert`: what it writes runs as generated. (a) A HAR recorded by headless Chromium
 * against the demo service becomes a scenario that type-checks against the installed package
 * and runs against the demo with exit code 0; (b) so does the demo's own /openapi.json;
 * (c) what is neither exits 2 with a message naming the file. Without /usr/bin/chromium the HAR
 * test is reported as skipped, with the reason in its name.
 */

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM } from '../e2e/chromium.js';
import { runCli, tempDir } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIPPED = HAS_CHROMIUM ? '' : ` [skipped: ${CHROMIUM_PATH} not found]`;
if (!HAS_CHROMIUM) console.warn(`convert HAR test skipped: ${CHROMIUM_PATH} not found`);
const SECRET = 'recorded-secret-never-in-the-file';

let demo: DemoServer;
/** Another origin: the static assets the recorded page loads, which the conversion leaves out. */
let assets: Server;
let assetsUrl: string;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  assets = createServer((req, res) => {
    const css = req.url?.endsWith('.css') === true;
    res.writeHead(200, { 'content-type': css ? 'text/css' : 'image/png', 'access-control-allow-origin': '*' });
    res.end(css ? 'body{}' : '');
  });
  await new Promise<void>((resolve) => assets.listen(0, '127.0.0.1', resolve));
  assetsUrl = `http://127.0.0.1:${(assets.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await demo.close();
  await new Promise((resolve) => assets.close(resolve));
});

/** A project folder where `volley` resolves to this repository, as in the user's node_modules. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'volley'), 'dir');
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['load'] }));
  return dir;
}

/** Resolves when `tsc` finds no error; asynchronous, so the tests that run side by side stay side by side. */
async function typeCheck(dir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')]);
}

/** Two pages of API calls made from the browser, one with a bearer token; the page also loads a stylesheet and an image. */
async function recordHar(path: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ recordHar: { path } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/health`);
    await page.addStyleTag({ url: `${assetsUrl}/app.css` });
    // DOM code as text: this file is type-checked without the DOM's types.
    await page.evaluate(`new Promise((loaded) => document.body.append(Object.assign(new Image(), { src: '${assetsUrl}/logo.png', onload: loaded, onerror: loaded })))`);
    await page.evaluate(async (secret) => {
      await fetch('/api/items?limit=5');
      const created = (await (await fetch('/api/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'lamp', price: 3 }) })).json()) as { id: string };
      await fetch(`/api/items/${created.id}`);
      await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'seller', password: 'pw' }) });
      await fetch('/api/me', { headers: { authorization: `Bearer ${secret}` } });
    }, SECRET);
    await page.waitForTimeout(700);
    // Playwright's HAR has a page per tab: the second page of the visit is a second tab.
    const second = await context.newPage();
    await second.goto(`${demo.url}/ready`);
    await second.evaluate(() => fetch('/leases?limit=3').then((res) => res.text()));
    await context.close();
  } finally {
    await browser.close();
  }
}

// Independent folders and ports: the three run side by side to keep the file short.
describe.concurrent('volley convert', () => {
  it.skipIf(!HAS_CHROMIUM)(`converts a HAR recorded by Chromium into a scenario that type-checks and runs${SKIPPED}`, async () => {
    const dir = project();
    const har = join(dir, 'recording.har');
    await recordHar(har);
    const convert = await runCli(['convert', har, '-o', join(dir, 'load/recorded.ts')], { cwd: dir });
    expect(convert.code, convert.stderr).toBe(0);
    expect(convert.stdout).toMatch(/left out \d+ static assets/);
    expect(convert.stdout).toContain('npx volley run load/recorded.ts');

    const source = readFileSync(join(dir, 'load/recorded.ts'), 'utf8');
    expect(source).toContain(`host: '${demo.url}'`);
    expect(source).toContain('sequential: true');
    expect(source).toContain("query: { limit: '5' }");
    expect(source).toContain("json: { name: 'lamp', price: 3 }");
    expect(source).toContain("name: '/api/items/[id]'");
    expect(source).toContain("const API_TOKEN = process.env.API_TOKEN ?? '';");
    expect(source).toMatch(/await vu\.sleep\((0\.\d|1)\); \/\/ think time/);
    expect(source.match(/^ {4}\S.*: async \(vu\) => \{$/gm)).toHaveLength(2);
    expect(source).not.toContain(SECRET);
    expect(source).not.toMatch(/user-agent|sec-ch|logo\.png|app\.css/i);

    await typeCheck(dir);
    const run = await runCli(['run', 'load/recorded.ts', '-t', '2s', '-q'], { cwd: dir, env: { API_TOKEN: '' } });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/GET\s+\/api\/items\/\[id\]/);
  }, 30_000);

  it("converts the demo's own /openapi.json into a scenario that type-checks and runs", async () => {
    const dir = project();
    const response = await fetch(`${demo.url}/openapi.json`);
    expect(response.status).toBe(200);
    writeFileSync(join(dir, 'openapi.json'), await response.text());
    const convert = await runCli(['convert', 'openapi.json', '-o', 'load/api.ts'], { cwd: dir });
    expect(convert.code, convert.stderr).toBe(0);
    expect(convert.stdout).toMatch(/kept\s+14 requests in 14 tasks/);
    const source = readFileSync(join(dir, 'load/api.ts'), 'utf8');
    expect(source).toContain(`host: '${demo.url}'`);
    expect(source).toContain("await vu.http.get('/api/items/itm_1', { name: '/api/items/[id]', expect: [200] });");
    expect(source).toContain('expect: API_TOKEN ? [200] : [200, 401]');

    await typeCheck(dir);
    const run = await runCli(['run', 'load/api.ts', '-t', '2s', '-u', '2', '-q'], { cwd: dir, env: { API_TOKEN: '' } });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/PUT\s+\/api\/items\/\[id\]/);

    const again = await runCli(['convert', 'openapi.json', '-o', 'load/api.ts'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('load/api.ts exists; --force replaces it');
    expect((await runCli(['convert', 'openapi.json', '-o', 'load/api.ts', '--force'], { cwd: dir })).code).toBe(0);
  }, 30_000);

  it('refuses what is neither a HAR nor an OpenAPI 3 document with exit code 2, naming the file', async () => {
    const dir = tempDir();
    const inputs: Record<string, [string, RegExp]> = {
      'notes.txt': ['just some text\n', /neither JSON nor an OpenAPI 3 YAML document/],
      'broken.json': ['{"log": {"entries": [', /malformed JSON/],
      'swagger.json': ['{"swagger": "2.0", "paths": {}}', /Swagger 2\.0 is not supported/],
      'other.json': ['{"hello": "world"}', /neither a HAR recording nor an OpenAPI 3 document/],
      'swagger.yaml': ['swagger: "2.0"\npaths: {}\n', /Swagger 2\.0 is not supported/],
    };
    for (const [name, [text]] of Object.entries(inputs)) writeFileSync(join(dir, name), text);
    const results = await Promise.all(Object.keys(inputs).map((name) => runCli(['convert', name], { cwd: dir })));
    for (const [index, [name, [, reason]]] of Object.entries(inputs).entries()) {
      const result = results[index];
      expect(result?.code, name).toBe(2);
      expect(result?.stderr, name).toContain(`volley: ${name}: `);
      expect(result?.stderr, name).toMatch(reason);
      expect(result?.stderr, name).toContain('accepts a HAR recording');
    }
    const missing = await runCli(['convert', 'nowhere.har'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.har: cannot read it (ENOENT)');
    expect(existsSync(join(dir, 'notes.ts'))).toBe(false);
  });
});

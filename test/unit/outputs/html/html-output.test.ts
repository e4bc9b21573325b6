import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../../src/errors.js';
import { HtmlFileOutput, renderHtmlReport, writeHtmlReport } from '../../../../src/outputs/html/index.js';
import type { Output } from '../../../../src/outputs/output.js';
import { fixtureResult } from '../fixture-result.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-html-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeHtmlReport', () => {
  it('writes the rendered report, creating parent folders, and leaves no temporary file', async () => {
    const path = join(dir, 'nested', 'deeper', 'report.html');
    await writeHtmlReport(fixtureResult(), path);
    expect(await readFile(path, 'utf8')).toBe(renderHtmlReport(fixtureResult()));
    expect(await readdir(join(dir, 'nested', 'deeper'))).toEqual(['report.html']);
  });

  it('replaces an existing report', async () => {
    const path = join(dir, 'replace.html');
    await writeFile(path, 'old', 'utf8');
    await writeHtmlReport(fixtureResult(), path);
    expect((await readFile(path, 'utf8')).startsWith('<!doctype html>')).toBe(true);
  });

  it('fails with VOLLEY_E_IO naming the flag and the path', async () => {
    const path = join(dir, 'is-a-dir');
    await mkdir(path);
    const error = await writeHtmlReport(fixtureResult(), path).catch((e: unknown) => e);
    expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_IO');
    expect((error as Error).message).toBe(`cannot write --html file '${path}': it is a directory`);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  });
});

describe('HtmlFileOutput', () => {
  it('is the `html` output and writes its file at the end of the run only', async () => {
    const path = join(dir, 'output.html');
    const output = new HtmlFileOutput(path);
    expect(output.name).toBe('html');
    const hooks: Output = output;
    expect(hooks.onStart).toBeUndefined();
    expect(hooks.onProgress).toBeUndefined();
    await expect(output.onEnd(fixtureResult())).resolves.toBeUndefined();
    expect(await readFile(path, 'utf8')).toBe(renderHtmlReport(fixtureResult()));
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../../src/errors.js';
import {
  formatMarkdownSummary,
  MarkdownFileOutput,
  writeMarkdownSummary,
} from '../../../../src/outputs/markdown/index.js';
import { fixtureResult } from '../fixture-result.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-md-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ioError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (isVolleyError(error)) return { code: error.code, message: error.message };
  throw new Error(`expected a VolleyError, got ${String(error)}`);
}

describe('MarkdownFileOutput', () => {
  it('is named markdown and replaces the file at the end of the run', async () => {
    const path = join(dir, 'out', 'summary.md');
    await mkdir(join(dir, 'out'));
    await writeFile(path, 'old content\n');
    const output = new MarkdownFileOutput(path);
    expect(output.name).toBe('markdown');
    await output.onEnd(fixtureResult());
    expect(await readFile(path, 'utf8')).toBe(formatMarkdownSummary(fixtureResult()));
    expect(await readdir(join(dir, 'out'))).toEqual(['summary.md']);
  });

  it('appends when asked, as $GITHUB_STEP_SUMMARY needs', async () => {
    const path = join(dir, 'step-summary.md');
    await writeFile(path, '# Build\n\n');
    await new MarkdownFileOutput(path, { append: true }).onEnd(fixtureResult());
    expect(await readFile(path, 'utf8')).toBe(`# Build\n\n${formatMarkdownSummary(fixtureResult())}`);
    // And creates the file, with its folders, when it does not exist.
    const fresh = join(dir, 'new', 'summary.md');
    await writeMarkdownSummary(fixtureResult(), fresh, { append: true });
    expect(await readFile(fresh, 'utf8')).toBe(formatMarkdownSummary(fixtureResult()));
  });

  it('fails with VOLLEY_E_IO naming --md and the path, in either mode', async () => {
    const path = join(dir, 'taken');
    await mkdir(path);
    const expected = { code: 'VOLLEY_E_IO', message: `cannot write --md file '${path}': it is a directory` };
    expect(await ioError(writeMarkdownSummary(fixtureResult(), path))).toEqual(expected);
    expect(await ioError(writeMarkdownSummary(fixtureResult(), path, { append: true }))).toEqual(expected);
  });
});

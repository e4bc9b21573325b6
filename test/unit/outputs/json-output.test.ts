import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../src/errors.js';
import { JsonFileOutput, writeResultJson } from '../../../src/outputs/json-output.js';
import { fixtureResult } from './fixture-result.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-json-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function ioError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isVolleyError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('writeResultJson', () => {
  it('writes pretty JSON that round-trips, creating parent folders', async () => {
    const result = fixtureResult();
    const path = join(dir, 'reports', 'nightly', 'result.json');
    await writeResultJson(result, path);
    const text = await readFile(path, 'utf8');
    expect(text).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(text.split('\n')[1]).toBe('  "schema": 1,');
    expect(JSON.parse(text)).toEqual(result);
    expect(await readdir(join(dir, 'reports', 'nightly'))).toEqual(['result.json']);
  });

  it('replaces an existing file by rename, never rewriting it in place', async () => {
    const path = join(dir, 'result.json');
    await writeFile(path, '{"old":true}');
    const before = await stat(path);
    await writeResultJson(fixtureResult(), path);
    const after = await stat(path);
    // A new inode means readers saw either the whole old file or the whole new one.
    expect(after.ino).not.toBe(before.ino);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(fixtureResult());
    expect(await readdir(dir)).toEqual(['result.json']);
  });

  it('fails with VOLLEY_E_IO when a parent is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'sub', 'result.json');
    expect(await ioError(writeResultJson(fixtureResult(), path))).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot write --json file '${path}': a parent path is not a directory`,
    });
    const direct = join(dir, 'file', 'result.json');
    expect((await ioError(writeResultJson(fixtureResult(), direct))).message).toBe(
      `cannot write --json file '${direct}': a parent path is not a directory`,
    );
  });

  it('fails with VOLLEY_E_IO when the path is a directory, and leaves no temporary file', async () => {
    const path = join(dir, 'out');
    await mkdir(path);
    expect(await ioError(writeResultJson(fixtureResult(), path))).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot write --json file '${path}': it is a directory`,
    });
    expect(await readdir(dir)).toEqual(['out']);
  });
});

describe('JsonFileOutput', () => {
  it('writes the result at the end of the run', async () => {
    const path = join(dir, 'run.json');
    const output = new JsonFileOutput(path);
    expect(output.name).toBe('json');
    await output.onEnd(fixtureResult());
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(fixtureResult());
  });
});

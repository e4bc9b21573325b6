import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../../src/errors.js';
import { formatJUnitReport, JUnitOutput, writeJUnitReport } from '../../../../src/outputs/junit/index.js';
import { fixtureResult } from '../fixture-result.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-junit-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JUnitOutput', () => {
  it('is named junit and writes the report at the end of the run, creating folders', async () => {
    const path = join(dir, 'reports', 'junit.xml');
    const output = new JUnitOutput(path);
    expect(output.name).toBe('junit');
    await output.onEnd(fixtureResult());
    expect(await readFile(path, 'utf8')).toBe(formatJUnitReport(fixtureResult()));
    expect(await readdir(join(dir, 'reports'))).toEqual(['junit.xml']);
  });

  it('fails with VOLLEY_E_IO naming --junit and the path', async () => {
    const path = join(dir, 'taken');
    await mkdir(path);
    const error = await writeJUnitReport(fixtureResult(), path).catch((caught: unknown) => caught);
    expect(isVolleyError(error) && { code: error.code, message: error.message }).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot write --junit file '${path}': it is a directory`,
    });
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../../src/errors.js';
import {
  CsvOutput,
  csvReportPaths,
  formatCsvReports,
  writeCsvReports,
} from '../../../../src/outputs/csv/index.js';
import { fixtureResult } from '../fixture-result.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-csv-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isVolleyError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('writeCsvReports', () => {
  it("writes Locust's four files beside the prefix, creating folders, and returns their paths", async () => {
    const prefix = join(dir, 'reports', 'run');
    const paths = await writeCsvReports(fixtureResult(), prefix);
    expect(paths).toEqual([
      `${prefix}_stats.csv`,
      `${prefix}_stats_history.csv`,
      `${prefix}_failures.csv`,
      `${prefix}_exceptions.csv`,
    ]);
    expect(csvReportPaths(prefix)).toEqual(paths);
    const reports = formatCsvReports(fixtureResult());
    expect(await readFile(`${prefix}_stats.csv`, 'utf8')).toBe(reports._stats);
    expect(await readFile(`${prefix}_stats_history.csv`, 'utf8')).toBe(reports._stats_history);
    expect(await readFile(`${prefix}_failures.csv`, 'utf8')).toBe(reports._failures);
    expect(await readFile(`${prefix}_exceptions.csv`, 'utf8')).toBe(reports._exceptions);
    // No temporary files are left behind.
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual([
      'run_exceptions.csv',
      'run_failures.csv',
      'run_stats.csv',
      'run_stats_history.csv',
    ]);
  });

  it('fails with VOLLEY_E_IO naming the flag and the file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    const prefix = join(dir, 'file', 'run');
    expect(await rejection(writeCsvReports(fixtureResult(), prefix))).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot write --csv file '${prefix}_stats.csv': a parent path is not a directory`,
    });
  });

  it('names the file that failed when a later one cannot be written', async () => {
    const prefix = join(dir, 'run');
    await mkdir(`${prefix}_failures.csv`);
    expect(await rejection(writeCsvReports(fixtureResult(), prefix))).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot write --csv file '${prefix}_failures.csv': it is a directory`,
    });
  });
});

describe('CsvOutput', () => {
  it('is named csv and writes the files at the end of the run', async () => {
    const prefix = join(dir, 'out');
    const output = new CsvOutput(prefix);
    expect(output.name).toBe('csv');
    await output.onEnd(fixtureResult());
    expect(await readFile(`${prefix}_stats.csv`, 'utf8')).toBe(formatCsvReports(fixtureResult())._stats);
  });
});

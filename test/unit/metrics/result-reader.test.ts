/**
 * The one reader of saved Result documents: what it accepts (every readable schema), and the
 * errors that name the file and what is wrong with it.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResult, readResultFile } from '../../../src/metrics/result-reader.js';
import { READABLE_RESULT_SCHEMAS } from '../../../src/metrics/result.js';
import { isVolleyError } from '../../../src/errors.js';
import { endpoint, histogramOf, result, stats } from '../compare/fixtures.js';

function problem(text: string): string {
  try {
    parseResult(text, 'runs/x.json');
  } catch (error) {
    expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_USAGE');
    return (error as Error).message;
  }
  throw new Error('expected parseResult to throw');
}

describe('reading a result document', () => {
  const valid = result({
    totals: stats(histogramOf([1000])),
    endpoints: [endpoint({ name: '/' }, stats(histogramOf([1000])))],
  });

  it('returns a valid document unchanged', () => {
    expect(parseResult(JSON.stringify(valid), 'x.json')).toEqual(valid);
  });

  it('names the file and the problem', () => {
    expect(problem('{ nope')).toMatch(/^'runs\/x\.json' is not valid JSON: /);
    expect(problem('[]')).toContain("'runs/x.json' is not a volley result document: expected a JSON object");
    expect(problem(JSON.stringify({ ...valid, schema: 7 }))).toContain('unsupported schema 7');
    const { totals: _totals, ...noTotals } = valid;
    expect(problem(JSON.stringify(noTotals))).toContain('totals is missing');
    const badRow = { ...valid, endpoints: [{ ...valid.endpoints[0], histogram: 5, user: null }] };
    expect(problem(JSON.stringify(badRow))).toContain(
      'endpoints[0].histogram is not a string; endpoints[0].user is not a string',
    );
  });

  it("reads a row's group (a vu.group() path) when it has one, and checks it is text", () => {
    const grouped = { ...valid, endpoints: [{ ...valid.endpoints[0], name: 'checkout › /', group: 'checkout' }] };
    expect(parseResult(JSON.stringify(grouped), 'x.json')).toEqual(grouped);
    const bad = { ...valid, endpoints: [{ ...valid.endpoints[0], group: 3 }] };
    expect(problem(JSON.stringify(bad))).toContain('endpoints[0].group is not a string');
  });

  it('says how many more problems there are', () => {
    expect(problem(JSON.stringify({ schema: 1 }))).toMatch(/; and \d+ more$/);
  });

  it('reads every schema this volley still reads', () => {
    expect(READABLE_RESULT_SCHEMAS).toEqual([1, 2]);
    for (const schema of READABLE_RESULT_SCHEMAS) {
      expect(parseResult(JSON.stringify({ ...valid, schema }), 'x.json').schema).toBe(schema);
    }
    expect(problem(JSON.stringify({ ...valid, schema: 3 }))).toContain(
      'unsupported schema 3 (this volley reads schemas 1, 2, writes 2)',
    );
  });

  it('reads a file, and names it (and its role, when given) when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'volley-result-reader-'));
    const file = join(dir, 'run.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(await readResultFile(file)).toEqual(valid);
    const missing = join(dir, 'missing.json');
    await expect(readResultFile(missing)).rejects.toMatchObject({
      code: 'VOLLEY_E_IO',
      message: `cannot read the result '${missing}': no such file`,
    });
    await expect(readResultFile(missing, 'baseline')).rejects.toMatchObject({
      message: `cannot read the baseline result '${missing}': no such file`,
    });
    writeFileSync(file, '{ nope');
    await expect(readResultFile(file)).rejects.toMatchObject({ code: 'VOLLEY_E_USAGE' });
  });
});

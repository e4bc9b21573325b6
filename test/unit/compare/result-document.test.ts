import { describe, expect, it } from 'vitest';
import { parseResult } from '../../../src/compare/result-document.js';
import { isVolleyError } from '../../../src/errors.js';
import { endpoint, histogramOf, result, stats } from './fixtures.js';

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

  it('says how many more problems there are', () => {
    expect(problem(JSON.stringify({ schema: 1 }))).toMatch(/; and \d+ more$/);
  });
});

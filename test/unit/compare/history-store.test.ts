import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../src/errors.js';
import { listScenarios, loadHistory, saveToHistory } from '../../../src/compare/history-store.js';
import { runFileStem, scenarioSlug } from '../../../src/compare/slug.js';
import { lognormalHistogram, result, stats } from './fixtures.js';

const dir = (): string => join(mkdtempSync(join(tmpdir(), 'volley-history-')), 'history');

const run = (scenario: string, startedAt: string) =>
  result({ scenario, startedAt, totals: stats(lognormalHistogram({ seed: 1, count: 50, medianMs: 20 })) });

describe('scenario folders', () => {
  it.each([
    ['checkout', 'checkout'],
    ['Checkout / EU', 'checkout-eu'],
    ['  --a__b--  ', 'a-b'],
    ['Café Crème', 'cafe-creme'],
    ['платёж', 'unnamed'],
    ['', 'unnamed'],
  ])('%j → %s', (name, slug) => {
    expect(scenarioSlug(name)).toBe(slug);
  });

  it('names run files by their start, without colons', () => {
    expect(runFileStem('2025-01-31T12:00:00.000Z')).toBe('2025-01-31T12-00-00.000Z');
  });
});

describe('history store', () => {
  it('saves a result as compact JSON under its scenario and start time', async () => {
    const root = dir();
    const saved = run('Checkout / EU', '2025-01-31T12:00:00.000Z');
    const path = await saveToHistory(saved, root);
    expect(path).toBe(join(root, 'checkout-eu', '2025-01-31T12-00-00.000Z.json'));
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(JSON.stringify(saved));
    expect(readdirSync(join(root, 'checkout-eu'))).toEqual(['2025-01-31T12-00-00.000Z.json']);
  });

  it('never overwrites a run started in the same millisecond', async () => {
    const root = dir();
    const first = await saveToHistory(run('a', '2025-01-01T00:00:00.000Z'), root);
    const second = await saveToHistory(run('a', '2025-01-01T00:00:00.000Z'), root);
    expect(second).toBe(first.replace('.json', '-2.json'));
    expect(readdirSync(join(root, 'a')).sort()).toEqual([
      '2025-01-01T00-00-00.000Z-2.json',
      '2025-01-01T00-00-00.000Z.json',
    ]);
  });

  it('lists scenarios with run counts, and nothing for a missing store', async () => {
    const root = dir();
    expect(await listScenarios(root)).toEqual([]);
    await saveToHistory(run('beta', '2025-01-02T00:00:00.000Z'), root);
    await saveToHistory(run('alpha', '2025-01-03T00:00:00.000Z'), root);
    await saveToHistory(run('alpha', '2025-01-01T00:00:00.000Z'), root);
    expect(await listScenarios(root)).toEqual([
      {
        slug: 'alpha',
        scenario: 'alpha',
        runs: 2,
        first: '2025-01-01T00:00:00.000Z',
        last: '2025-01-03T00:00:00.000Z',
      },
      {
        slug: 'beta',
        scenario: 'beta',
        runs: 1,
        first: '2025-01-02T00:00:00.000Z',
        last: '2025-01-02T00:00:00.000Z',
      },
    ]);
  });

  it('loads one scenario oldest first, by name or folder, skipping unreadable files', async () => {
    const root = dir();
    await saveToHistory(run('Checkout / EU', '2025-01-03T00:00:00.000Z'), root);
    await saveToHistory(run('Checkout / EU', '2025-01-01T00:00:00.000Z'), root);
    writeFileSync(join(root, 'checkout-eu', 'broken.json'), '{ not json');
    const byName = await loadHistory('Checkout / EU', root);
    expect(byName.results.map((r) => r.startedAt)).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
    ]);
    expect(byName.skipped).toHaveLength(1);
    expect(byName.skipped[0]?.file).toContain('broken.json');
    const bySlug = await loadHistory('checkout-eu', root);
    expect(bySlug.results).toHaveLength(2);
    expect(bySlug.scenario).toBe('Checkout / EU');
  });

  it('names the scenarios it has when asked for an unknown one', async () => {
    const root = dir();
    await saveToHistory(run('checkout', '2025-01-01T00:00:00.000Z'), root);
    const error = await loadHistory('search', root).catch((e: unknown) => e);
    expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_USAGE');
    expect((error as Error).message).toContain("'search'");
    expect((error as Error).message).toContain('checkout');
  });

  it('reports a store it cannot write to as an I/O error naming it', async () => {
    const root = dir();
    writeFileSync(`${root}-file`, 'x');
    const error = await saveToHistory(run('a', '2025-01-01T00:00:00.000Z'), `${root}-file`).catch(
      (e: unknown) => e,
    );
    expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_IO');
    expect((error as Error).message).toContain(`${root}-file`);
  });
});

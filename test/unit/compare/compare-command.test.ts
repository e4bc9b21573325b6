import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCommand, compareWithBaseline } from '../../../src/cli/compare-command.js';
import { readResultFile } from '../../../src/metrics/result-reader.js';
import { historyCommand } from '../../../src/cli/history-command.js';
import type { Comparison } from '../../../src/compare/comparison.js';
import { isVolleyError } from '../../../src/errors.js';
import { saveToHistory } from '../../../src/compare/history-store.js';
import { lognormalHistogram, result, stats } from './fixtures.js';

function sink() {
  let text = '';
  return {
    stream: { write: (chunk: string) => (text += chunk), isTTY: false, columns: 160 },
    text: () => text,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'volley-compare-'));
const write = (name: string, medianMs: number, seed: number, startedAt?: string): string => {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify(
      result({ startedAt, totals: stats(lognormalHistogram({ seed, count: 2000, medianMs }), { rps: 100 }) }),
    ),
  );
  return path;
};
const base = write('base.json', 20, 1);
const same = write('same.json', 20, 2);
const slower = write('slower.json', 26, 3);
const flags = { maxRegression: '10%', confidence: '95%' };

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isVolleyError(error)) throw new Error(`expected a VolleyError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('compare command', () => {
  it('exits 0 without a regression and 1 with one', async () => {
    const out = sink();
    expect(await compareCommand(base, same, flags, out.stream)).toBe(0);
    expect(out.text()).toContain('NO SIGNIFICANT CHANGE');
    expect(await compareCommand(base, slower, flags, sink().stream)).toBe(1);
  });

  it('writes Markdown, HTML and JSON', async () => {
    const files = { md: join(dir, 'o.md'), html: join(dir, 'o.html'), json: join(dir, 'o.json') };
    await compareCommand(base, slower, { ...flags, ...files }, sink().stream);
    expect((JSON.parse(readFileSync(files.json, 'utf8')) as Comparison).verdict).toBe('regressed');
    expect(readFileSync(files.md, 'utf8')).toContain('## volley compare');
    expect(readFileSync(files.html, 'utf8')).toContain('<!doctype html>');
  });

  it('turns bad input into coded errors naming the file or flag', async () => {
    expect(await failure(readResultFile(join(dir, 'missing.json'), 'baseline'))).toEqual({
      code: 'VOLLEY_E_IO',
      message: `cannot read the baseline result '${join(dir, 'missing.json')}': no such file`,
    });
    writeFileSync(join(dir, 'junk.json'), 'junk');
    expect(
      (await failure(compareCommand(base, join(dir, 'junk.json'), flags, sink().stream))).message,
    ).toContain('junk.json');
    expect(
      await failure(compareCommand(base, same, { ...flags, maxRegression: '10' }, sink().stream)),
    ).toEqual({
      code: 'VOLLEY_E_USAGE',
      message: "--max-regression: expected a percentage like 10% or a fraction like 0.1, got '10'",
    });
    expect(
      (await failure(compareCommand(base, same, { ...flags, confidence: '100%' }, sink().stream))).code,
    ).toBe('VOLLEY_E_USAGE');
  });

  it('compares a finished run with a baseline file, for run --baseline', async () => {
    const current = JSON.parse(readFileSync(slower, 'utf8'));
    const out = sink();
    expect(await compareWithBaseline(current, base, {}, out.stream)).toBe(1);
    expect(out.text()).toMatch(/current\s+this run/);
  });
});

describe('history command', () => {
  it('lists scenarios, shows the last runs, and writes the chart page', async () => {
    const store = join(dir, 'history');
    const medians = [20, 20, 20, 27, 27];
    for (const [i, medianMs] of medians.entries()) {
      const startedAt = new Date(Date.UTC(2025, 0, 1 + i)).toISOString();
      await saveToHistory(
        JSON.parse(readFileSync(write(`h${i}.json`, medianMs, 10 + i, startedAt), 'utf8')),
        store,
      );
    }
    const list = sink();
    expect(
      await historyCommand(undefined, { dir: store, window: '5', maxRegression: '10%' }, list.stream),
    ).toBe(0);
    expect(list.text()).toMatch(/checkout\s+checkout\s+5\s/);

    const trend = sink();
    const html = join(dir, 'trend.html');
    await historyCommand(
      'checkout',
      { dir: store, window: '5', maxRegression: '10%', last: '3', html },
      trend.stream,
    );
    const rows = trend
      .text()
      .split('\n')
      .filter((line) => /^\s+\d\s+2025-/.test(line));
    expect(rows.map((row) => row.trim().split(/\s+/)[0])).toEqual(['3', '4', '5']);
    expect(rows[1]).toContain('◀ regression began here');
    expect(readFileSync(html, 'utf8')).toContain('regression began here');
  });

  it('warns loudly about a run whose narrowing differs from the one before', async () => {
    const store = join(dir, 'history-unlike');
    for (const [i, tags] of [[], [], ['smoke']].entries()) {
      const startedAt = new Date(Date.UTC(2025, 1, 1 + i)).toISOString();
      const run = JSON.parse(readFileSync(write(`u${i}.json`, 20, 30 + i, startedAt), 'utf8')) as ReturnType<typeof result>;
      run.options = { tags };
      await saveToHistory(run, store);
    }
    const out = sink();
    const err = sink();
    await historyCommand('checkout', { dir: store, window: '5', maxRegression: '10%' }, out.stream, err.stream);
    expect(err.text()).toBe(
      'volley: NOT LIKE FOR LIKE: the run of 2025-02-03T00:00:00.000Z differs from the one before in ' +
        'narrowing none vs --tags smoke; its throughput is not judged.\n',
    );
  });

  it('rejects bad flags', async () => {
    const store = join(dir, 'history');
    const base = { dir: store, window: '5', maxRegression: '10%' };
    expect((await failure(historyCommand(undefined, { ...base, html: 'x.html' }, sink().stream))).code).toBe(
      'VOLLEY_E_USAGE',
    );
    expect((await failure(historyCommand('checkout', { ...base, last: '0' }, sink().stream))).message).toBe(
      "--last: expected a whole number >= 1, got '0'",
    );
    expect((await failure(historyCommand('nope', base, sink().stream))).message).toContain('checkout');
  });
});

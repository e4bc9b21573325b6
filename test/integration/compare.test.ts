/**
 * `volley compare` and `volley history` end to end: real runs against loopback servers, then the
 * CLI judging them. Two runs against the same 40 ms server must read "no significant change"
 * (exit 0); a run against a 60 ms server (50% slower) must read "regressed" (exit 1).
 *
 * The three runs go at once, at a fixed arrival rate, so they share whatever else the machine
 * does: a busy machine adds the same few ms of late timers to all three, and the request rate is
 * set by the schedule, not by how fast the loop went. The difference is 20 ms, not a few: a
 * busy machine spreads the p50 of 300 requests over ±10 ms, and a change must clear that to count.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/comparison.js';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let fast: LoopbackServer;
let slow: LoopbackServer;
const dir = tempDir();
const file = (name: string): string => join(dir, name);

async function loadRun(server: LoopbackServer, json: string): Promise<void> {
  const run = await runCli(['run', '--url', server.url, '--rate', '100/s', '-t', '3s', '-q', '--json', json]);
  expect(run.code, run.stderr).toBe(0);
}

beforeAll(async () => {
  fast = await startServer(delayed(40));
  slow = await startServer(delayed(60));
  await Promise.all([
    loadRun(fast, file('a.json')),
    loadRun(fast, file('b.json')),
    loadRun(slow, file('c.json')),
  ]);
}, 60_000);

afterAll(async () => {
  await fast.close();
  await slow.close();
});

describe('volley compare', () => {
  it('finds no significant change between two runs against the same server (exit 0)', async () => {
    const compare = await runCli(['compare', file('a.json'), file('b.json')]);
    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain('NO SIGNIFICANT CHANGE');
    expect(compare.stdout).toContain('no significant change');
    expect(compare.stdout).not.toContain('✗ regressed');
  });

  it('calls a run against a 50% slower server regressed (exit 1), in every format asked for', async () => {
    const compare = await runCli([
      'compare',
      file('a.json'),
      file('c.json'),
      '--md',
      file('out.md'),
      '--html',
      file('out.html'),
      '--json',
      file('out.json'),
    ]);
    expect(compare.code).toBe(1);
    expect(compare.stdout).toMatch(/^\s+p50\s.*✗ regressed$/m);
    expect(compare.stdout).toContain('✗ REGRESSED');

    const json = JSON.parse(readFileSync(file('out.json'), 'utf8')) as Comparison;
    expect(json.verdict).toBe('regressed');
    const p50 = json.total.metrics.find((m) => m.metric === 'p50');
    expect(p50?.verdict).toBe('regressed');
    expect(p50?.relativeChange).toBeGreaterThan(0.15);
    expect(readFileSync(file('out.md'), 'utf8')).toContain('🔴 **regressed**');
    expect(readFileSync(file('out.html'), 'utf8')).toContain('class="banner regressed"');
  });

  it('tolerates the same slowdown with a larger --max-regression', async () => {
    const compare = await runCli(['compare', file('a.json'), file('c.json'), '--max-regression', '60%']);
    expect(compare.code).toBe(0);
  });

  it('exits 2 naming the file that is missing or not a result', async () => {
    const missing = await runCli(['compare', file('nope.json'), file('a.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');

    writeFileSync(file('bad.json'), '{"hello": 1}');
    const bad = await runCli(['compare', file('a.json'), file('bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json');
    expect(bad.stderr).toContain('not a volley result');
  });

  it('exits 2 on a bad --max-regression', async () => {
    const run = await runCli(['compare', file('a.json'), file('b.json'), '--max-regression', 'lots']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-regression');
  });
});

describe('volley history', () => {
  it('lists saved scenarios and shows a trend with an HTML chart page', async () => {
    // The store is plain files: place the three runs the way `run --save` does (URL-mode runs
    // are named after host and port, so these three would land in different folders).
    const history = file('history');
    const folder = join(history, 'url-runs');
    mkdirSync(folder, { recursive: true });
    // The runs went at once; the history orders them by start, so they are dated a second
    // apart, the slow one last, as if run one after another.
    const first = Date.parse((JSON.parse(readFileSync(file('a.json'), 'utf8')) as Result).startedAt);
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      const result = JSON.parse(readFileSync(file(`${name}.json`), 'utf8')) as Result;
      result.startedAt = new Date(first + i * 1000).toISOString();
      writeFileSync(join(folder, `run-${i}.json`), JSON.stringify(result));
    }

    const list = await runCli(['history', '--dir', history]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/url-runs\s+3\s/);

    const trend = await runCli(['history', 'url-runs', '--dir', history, '--html', file('trend.html')]);
    expect(trend.code).toBe(0);
    const rows = trend.stdout.split('\n').filter((line) => /^\s+\d\s+\d{4}-/.test(line));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('first run');
    expect(rows[2]).toContain('✗ regressed');
    expect(existsSync(file('trend.html'))).toBe(true);
    expect(readFileSync(file('trend.html'), 'utf8')).toContain('uPlot');

    const unknown = await runCli(['history', 'no-such-scenario', '--dir', history]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-scenario');
  });
});

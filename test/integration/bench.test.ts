/**
 * `volley bench` as a user runs it: bench files in TypeScript importing 'volley', exit codes
 * (0 passed, 1 a threshold failed or a baseline regressed, 2 bad input), the seed-style blocks
 * with CPU and memory, the JSON report, `--baseline`, and `--monitor-pid` on a real process.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../src/bench/bench-report.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { TIMER_EARLY_MS } from '../helpers/timer-slack.js';

const PASSING = `
import { setTimeout as sleep } from 'node:timers/promises';
import { bench, stress } from 'volley';

let total = 0;
export default [
  bench('sum', () => { total += 1; }, { iterations: 1000, thresholds: { mean: '<1ms' } }),
  stress('sleepers', () => sleep(5), { concurrency: 10, opsPerWorker: 30 }, {
    thresholds: { successRate: '>=99%', peakMemory: '<2GB', peakCpu: '<400%' },
  }),
];
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('volley bench', () => {
  it('runs a bench file, prints each block with CPU and memory, writes the report, exits 0', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'ops.bench.ts', PASSING);
    const json = join(dir, 'bench.json');
    const result = await runCli(['bench', file, '--json', json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sum: PASS {2}mean \S+ ±\S+ {2}p95 \S+ {2}\(thresholds: mean<1ms ✓\)$/m);
    expect(result.stdout).toMatch(/^ {2}1,000 calls · min .* ops\/s · sync$/m);
    expect(result.stdout).toContain('STRESS TEST: sleepers: PASS');
    expect(result.stdout).toMatch(/Total operations: 300 · Successful: 300 · Failed: 0/);
    expect(result.stdout).toMatch(
      /Peak memory: \d+(\.\d)? MB · Mean memory: .* Peak CPU: \d+\.\d% · Mean CPU: \d+\.\d%/,
    );
    expect(result.stdout).toContain('PASSED (1 benchmark, 1 stress test)');
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    expect(report).toMatchObject({ kind: 'volley-bench', schema: 1, outcome: 'passed', ok: true, file });
    expect(report.results.map((r) => [r.kind, r.name, r.state])).toEqual([
      ['bench', 'sum', 'completed'],
      ['stress', 'sleepers', 'completed'],
    ]);
  });

  it('exits 1 when a threshold fails, naming the benchmark and the measured value', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'slow.bench.ts',
      `import { setTimeout as sleep } from 'node:timers/promises';
       import { bench } from 'volley';
       export default [bench('slow query', () => sleep(5), { iterations: 5, warmup: 0, thresholds: { mean: '<1ms' } })];`,
    );
    const result = await runCli(['bench', file]);
    expect(result.code).toBe(1);
    // A 5 ms sleep reads 4.x ms at times (Node's timers can fire up to 1 ms early by a precise
    // clock), and any amount more on a busy machine.
    const shown = /^slow query: FAIL .*\(thresholds: mean<1ms ✗ ([\d.]+)ms\)$/m.exec(result.stdout);
    expect(shown, result.stdout).not.toBeNull();
    expect(Number(shown?.[1])).toBeGreaterThanOrEqual(5 - TIMER_EARLY_MS);
    expect(result.stdout).toMatch(
      new RegExp(`^FAILED \\(1 benchmark\\)\n {2}bench 'slow query': mean<1ms failed, measured ${shown?.[1]}ms$`, 'm'),
    );
  });

  it('exits 2 on an invalid threshold or a file without benchmarks, before running anything', async () => {
    const dir = tempDir();
    const bad = writeScenario(
      dir,
      'bad.bench.ts',
      `import { bench } from 'volley';
       export default [bench('x', () => { throw new Error('must not run'); }, { thresholds: { mean: '<fast', p95: '150ms' } })];`,
    );
    const result = await runCli(['bench', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bench 'x': threshold mean: '<fast': 'fast' is not a duration");
    expect(result.stderr).toContain("bench 'x': threshold p95: '150ms': no comparison operator");
    expect(result.stdout).toBe('');

    const empty = writeScenario(dir, 'empty.bench.ts', `export default 'nothing';`);
    const none = await runCli(['bench', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('item 0 of the default export is not a bench(…) or stress(…) definition');
  });

  it('compares with a baseline report and exits 1 on a regression', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'cmp.bench.ts',
      `import { setTimeout as sleep } from 'node:timers/promises';
       import { bench } from 'volley';
       const ms = Number(process.env.BENCH_SLEEP_MS);
       export default [bench('query', () => sleep(ms), { iterations: 20 })];`,
    );
    const base = join(dir, 'base.json');
    const first = await runCli(['bench', file, '--json', base], { env: { BENCH_SLEEP_MS: '2' } });
    expect(first.code).toBe(0);
    const second = await runCli(['bench', file, '--baseline', base], { env: { BENCH_SLEEP_MS: '12' } });
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/Against baseline .*base\.json/);
    // A 2 ms then a 12 ms sleep: timers fire up to 1 ms early and, on a busy machine, any amount
    // late, so the means are at least 1 and 11 ms, whatever else the machine does.
    const means = /query +mean ([\d.]+)ms → ([\d.]+)ms \+\d+\.\d% +regressed/.exec(second.stdout);
    expect(means, second.stdout).not.toBeNull();
    expect(Number(means?.[1])).toBeGreaterThanOrEqual(2 - TIMER_EARLY_MS);
    expect(Number(means?.[2])).toBeGreaterThanOrEqual(12 - TIMER_EARLY_MS);
    expect(second.stdout).toContain("bench 'query': regressed against the baseline");
  });

  it.runIf(process.platform === 'linux')('samples another process given with --monitor-pid', async () => {
    const target = spawn(process.execPath, [
      '-e',
      'const keep = Buffer.alloc(30e6, 1); setTimeout(() => keep, 20000)',
    ]);
    children.push(target);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const dir = tempDir();
    const file = writeScenario(dir, 'ops.bench.ts', PASSING);
    const result = await runCli(['bench', file, '--monitor-pid', String(target.pid)]);
    expect(result.code).toBe(0);
    const line = new RegExp(
      `^ {2}pid ${target.pid} \\(node\\): CPU mean \\d+\\.\\d%, peak \\d+\\.\\d% · memory peak (\\d+\\.\\d) MB`,
      'm',
    );
    const match = line.exec(result.stdout);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThan(30);

    const missing = await runCli(['bench', file, '--monitor-pid', '2147483646']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('volley: --monitor-pid 2147483646: no running process has that pid\n');
  });

  it('prints a stress test with levels as a table of concurrency, throughput and scaling', async () => {
    const file = writeScenario(
      tempDir(),
      'levels.bench.ts',
      `import { setTimeout as sleep } from 'node:timers/promises';
import { stress } from 'volley';
export default [
  stress('reads', () => sleep(2), { duration: '300ms' }, { levels: [1, 5], thresholds: { successRate: '>95%' } }),
];
`,
    );
    const result = await runCli(['bench', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/STRESS TEST: reads: PASS\n +Concurrency +Ops/);
    expect(result.stdout).toContain('PASSED (1 stress test)');
  });
});

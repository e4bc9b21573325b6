/**
 * A windowed object-form threshold on a custom metric through the real CLI: it fails a run
 * (exit 1) whose whole-run figure passes, and with abortOnFail stops the run early (exit 3).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string): string => join(dir, name);

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

/**
 * Cheap for the run's first `cheapMs`, five times dearer after: a trailing window sees it first
 * (with 2 s of 3 s cheap, the whole run's median never does).
 */
function windowScenario(threshold: string, cheapMs: number, duration: string): string {
  return `import { defineScenario, defineUser } from 'volley';
let started: number | undefined;
export const Buyer = defineUser({ tasks: [{ run: async (vu) => {
  started ??= performance.now();
  vu.metric('cost_usd').add(performance.now() - started > ${cheapMs} ? 0.05 : 0.01);
  await vu.sleep(0.02);
} }] });
export default defineScenario({
  users: [Buyer],
  load: { users: 2, duration: '${duration}' },
  metrics: { cost_usd: 'trend' },
  thresholds: [${threshold}, { metric: 'cost_usd', med: '<0.02' }],
});`;
}

describe('windowed custom-metric thresholds', () => {
  it('fails a run (exit 1) through a windowed object-form threshold, or aborts it with abortOnFail (exit 3)', async () => {
    const failing = writeScenario(dir, 'window.ts', windowScenario(`{ metric: 'cost_usd', med: '<0.02', window: '1s' }`, 2000, '3s'));
    const aborting = writeScenario(
      dir,
      'abort.ts',
      windowScenario(`{ metric: 'cost_usd', med: '<0.02', window: '1s', abortOnFail: true }`, 500, '8s'),
    );
    const [failed, aborted] = await Promise.all([
      runCli(['run', failing, '-q', '--json', file('window.json')]),
      runCli(['run', aborting, '-q', '--json', file('abort.json')]),
    ]);
    expect(failed.code, failed.stderr).toBe(1);
    const result = read(file('window.json'));
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['metric=cost_usd:med<0.02 over 1s', false],
      ['metric=cost_usd:med<0.02', true],
    ]);
    expect(result.thresholds[0]?.actual).toBeCloseTo(0.05, 3);

    expect(aborted.code, aborted.stderr).toBe(3);
    const stopped = read(file('abort.json'));
    expect(stopped.outcome).toBe('aborted');
    expect(stopped.abortReason).toContain('metric=cost_usd:med<0.02 over 1s');
    // Dear from 0.5 s on: the window judges it within a few ticks, long before the 8 s are up.
    expect(stopped.durationMs).toBeLessThan(5000);
  });
});

/**
 * `volley compare` on custom metrics through the real CLI: two runs whose trend doubled are
 * called regressed (exit 1) in the terminal, Markdown, HTML and JSON alike. The runs make no
 * requests, so only the custom metrics decide.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/comparison.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string): string => join(dir, name);

function read<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** 1,200 deterministic trend samples spread over [cost, 2 × cost); a cache hit rate the same. */
function costScenario(cost: number): string {
  return `import { defineScenario, defineUser } from 'volley';
export const Buyer = defineUser({ tasks: [{ run: (vu) => {
  vu.metric('cost_usd').add(${cost} * (1 + ((vu.iteration * 7 + vu.id) % 100) / 100));
  vu.metric('cache_hit').add(vu.iteration % 4 !== 0);
} }] });
export default defineScenario({
  users: [Buyer],
  load: { users: 4, iterationsPerUser: 300 },
  metrics: { cost_usd: 'trend', cache_hit: 'rate' },
});`;
}

describe('volley compare on custom metrics', () => {
  it('compare calls a doubled trend regressed (exit 1) in every format', async () => {
    const cheap = writeScenario(dir, 'cheap.ts', costScenario(0.01));
    const dear = writeScenario(dir, 'dear.ts', costScenario(0.02));
    const runs = await Promise.all([
      runCli(['run', cheap, '-q', '--json', file('cheap.json')]),
      runCli(['run', dear, '-q', '--json', file('dear.json')]),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);

    const compare = await runCli([
      'compare', file('cheap.json'), file('dear.json'),
      '--md', file('out.md'), '--html', file('out.html'), '--json', file('out.json'),
    ]);
    expect(compare.stderr).toBe('');
    expect(compare.code).toBe(1);
    expect(compare.stdout).toMatch(/^\s+cost_usd \(trend\)\s+1,200 samples\s+1,200 samples\s+lower is better$/m);
    expect(compare.stdout).toMatch(/^\s+p50\s.*✗ regressed$/m);
    expect(compare.stdout).toMatch(/^\s+rate\s+75\.00%\s+75\.00%.*no significant change$/m);
    expect(compare.stdout).toContain('✗ REGRESSED');

    const json = read<Comparison>(file('out.json'));
    expect(json.verdict).toBe('regressed');
    const cost = json.metrics?.find((m) => m.name === 'cost_usd');
    expect(cost?.verdict).toBe('regressed');
    const p50 = cost?.stats.find((s) => s.stat === 'p50');
    expect(p50?.relativeChange).toBeGreaterThan(0.9);
    expect(json.metrics?.find((m) => m.name === 'cache_hit')?.verdict).toBe('unchanged');
    expect(readFileSync(file('out.md'), 'utf8')).toContain('| **cost\\_usd (trend)** lower is better | avg |');
    expect(readFileSync(file('out.html'), 'utf8')).toContain('<th>Custom metric</th>');
  });
});

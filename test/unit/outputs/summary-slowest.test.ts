/**
 * The summary lists each row's slowest requests only when the run asked (`--slowest`): latency,
 * status (or why it failed), method and full URL, the row named on its first line.
 */

import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/metrics/result.js';
import { formatSummary } from '../../../src/outputs/summary.js';
import { fixtureResult } from './fixture-result.js';

function withSlowest(slowest: number | null): Result {
  const result = fixtureResult();
  result.options = { ...result.options, slowest };
  const [first] = result.endpoints;
  if (first === undefined) throw new Error('the fixture has rows');
  first.slowest = [
    { latencyMs: 812.4, startedAt: '2026-01-01T00:00:03.000Z', status: 200, failed: false, method: first.method, url: `http://127.0.0.1:8080${first.name}?page=7` },
    { latencyMs: 95, startedAt: '2026-01-01T00:00:01.000Z', status: 0, failed: true, error: 'headers timeout (95ms)', method: first.method, url: 'http://127.0.0.1:8080/x' },
  ];
  return result;
}

function sectionOf(text: string): string[] | undefined {
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .find((lines) => lines[0]?.startsWith('Slowest requests'));
}

describe('the Slowest requests section', () => {
  it('is left out unless --slowest asked for it', () => {
    expect(sectionOf(formatSummary(withSlowest(null), { color: false }))).toBeUndefined();
  });

  it('lists latency, status, method and URL, and why a request failed', () => {
    const result = withSlowest(5);
    const lines = sectionOf(formatSummary(result, { color: false, width: 160 })) ?? [];
    const row = result.endpoints[0]!;
    expect(lines[1]).toMatch(/row\s+ms\s+status\s+method\s+url/);
    const first = lines.find((line) => line.includes('?page=7')) ?? '';
    expect(first).toContain(row.name);
    expect(first).toMatch(new RegExp(`812\\S*\\s+200\\s+${row.method}\\s+http://127\\.0\\.0\\.1:8080${row.name}\\?page=7`));
    expect(lines.find((line) => line.includes('/x'))).toMatch(/95\S*\s+0\s+\S+\s+http:\/\/127\.0\.0\.1:8080\/x {2}\(headers timeout \(95ms\)\)/);
  });
});

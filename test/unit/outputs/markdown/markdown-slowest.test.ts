/** The Markdown summary lists the run's slowest requests only with --slowest, escaped, slowest first. */

import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/metrics/result.js';
import { formatMarkdownSummary } from '../../../../src/outputs/markdown/markdown-summary.js';
import { fixtureResult } from '../fixture-result.js';

function withSlowest(slowest: number | null): Result {
  const result = fixtureResult();
  result.options = { ...result.options, slowest };
  const [first, second] = result.endpoints;
  if (first === undefined || second === undefined) throw new Error('the fixture has rows');
  first.slowest = [{ latencyMs: 40, startedAt: result.startedAt, status: 200, failed: false, method: 'GET', url: 'http://h/a?x=|1' }];
  second.slowest = [{ latencyMs: 900, startedAt: result.startedAt, status: 0, failed: true, error: 'headers timeout', method: 'POST', url: 'http://h/b' }];
  return result;
}

describe('the Markdown slowest requests', () => {
  it('are left out without --slowest', () => {
    expect(formatMarkdownSummary(withSlowest(null))).not.toContain('Slowest requests');
  });

  it('list the slowest first, with status or error, row and request', () => {
    const text = formatMarkdownSummary(withSlowest(5));
    const section = text.slice(text.indexOf('### Slowest requests')).split('\n\n')[1]?.split('\n') ?? [];
    expect(section[2]).toMatch(/^\| 900ms \| 0 \(headers timeout\) \| .+ \| POST http:\/\/h\/b \|$/);
    expect(section[3]).toContain('GET http://h/a?x=\\|1');
  });
});

/**
 * The report's Slowest requests card: one folded entry per row that kept some (the slowest row
 * open), each request with its latency, start, status, method, URL, error and folded headers;
 * no card for a result without them (older results).
 */

import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../../src/outputs/html/render-report.js';
import { slowestSection } from '../../../../src/outputs/html/sections/slowest.js';
import { fixtureResult } from '../fixture-result.js';

function withSlowest() {
  const result = fixtureResult();
  const [first, second] = result.endpoints;
  if (first === undefined || second === undefined) throw new Error('the fixture has rows');
  first.slowest = [
    { latencyMs: 120, startedAt: result.startedAt, status: 200, failed: false, method: 'GET', url: 'http://h/a?x=<1>', headers: { authorization: '[redacted]', accept: '*/*' } },
  ];
  second.slowest = [
    { latencyMs: 900, startedAt: result.startedAt, status: 0, failed: true, error: 'headers timeout', method: 'POST', url: 'http://h/b' },
  ];
  return result;
}

describe('the Slowest requests card', () => {
  it('is absent when no row kept any', () => {
    expect(String(slowestSection(fixtureResult()))).toBe('');
  });

  it('lists each row, the slowest row open first, with its requests escaped', () => {
    const page = String(slowestSection(withSlowest()));
    const rows = page.split('<details class="slowest-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^ open>/);
    expect(rows[0]).toContain('http://h/b');
    expect(rows[0]).toContain('headers timeout');
    expect(rows[1]).not.toMatch(/^ open>/);
    expect(rows[1]).toContain('http://h/a?x=&lt;1&gt;');
    expect(rows[1]).toContain('2 headers');
    expect(rows[1]).toContain('authorization: [redacted]');
  });

  it('is in the page and its navigation', () => {
    const page = renderHtmlReport(withSlowest());
    expect(page).toContain('href="#slowest"');
    expect(page).toContain('id="slowest"');
  });
});

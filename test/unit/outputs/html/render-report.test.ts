import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../../../src/metrics/histogram.js';
import type { Result } from '../../../../src/metrics/result.js';
import { REPORT_DATA_ID, type ReportData, renderHtmlReport } from '../../../../src/outputs/html/index.js';
import { fixtureResult } from '../fixture-result.js';

const XSS = '</script><script>alert(1)</script>';

/** The fixture with a real histogram (1..1000 µs) and markup in every field the target controls. */
function hostile(): Result {
  const result = fixtureResult();
  const histogram = createHistogram();
  for (let v = 1; v <= 1000; v += 1) histogram.recordValue(v);
  result.totals.histogram = encodeHistogram(histogram);
  result.errors[0]!.message = XSS;
  result.errors[1]!.endpoint = '<img src=x onerror=alert(2)>';
  result.endpoints[0]!.name = '/q?<b>bold</b>';
  result.endpoints[1]!.user = '<i>User</i>';
  result.checks[0]!.name = '<u>status</u> is 202';
  result.scenario = { name: '<h1>platform</h1>', file: 'load/<x>.ts' };
  result.warnings = ['<marquee>slow</marquee>'];
  return result;
}

/** The embedded JSON, and the page with it cut out. */
function split(page: string): { json: string; rest: string } {
  const open = `<script type="application/json" id="${REPORT_DATA_ID}">`;
  const start = page.indexOf(open);
  const end = page.indexOf('</script>', start);
  expect(start).toBeGreaterThan(0);
  return { json: page.slice(start + open.length, end), rest: page.slice(0, start) + page.slice(end) };
}

function section(page: string, id: string): string {
  const match = new RegExp(`<section[^>]* id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(page);
  if (match === null) throw new Error(`no section #${id}`);
  return match[1] as string;
}

describe('renderHtmlReport', () => {
  it('embeds the complete Result as JSON that parses back exactly', () => {
    const result = hostile();
    const data = JSON.parse(split(renderHtmlReport(result)).json) as ReportData;
    expect(data.result).toEqual(result);
    expect(data.charts.map((c) => c.id)).toEqual([
      'throughput',
      'latency',
      'users',
      'distribution',
      'monitor-cpu',
      'monitor-memory',
    ]);
  });

  it('refers to nothing outside the file', () => {
    const { json, rest } = split(renderHtmlReport(hostile()));
    // The target host legitimately appears in the data …
    expect(json).toContain('"host":"http://127.0.0.1:8000"');
    // … and outside it only as text: the Run card, and uPlot's licence banner.
    expect(rest.match(/https?:\/\/[^\s"'<)]*/g)).toEqual([
      'http://127.0.0.1:8000',
      'https://github.com/leeoniya/uPlot',
    ]);
    expect(rest).toContain('<dt>target</dt><dd><code>http://127.0.0.1:8000</code></dd>');
    expect(rest).not.toMatch(/\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:[a-z]+:|\/\/)/i);
    expect(rest).not.toMatch(/url\(\s*["']?\s*(?:[a-z]+:|\/\/)/i);
    expect(rest).not.toMatch(/@import|\bfetch\(|XMLHttpRequest|<link\b|<img\b|<iframe\b/i);
    // Only in-page links (the section navigation).
    for (const [, href] of rest.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#[a-z-]+$/);
  });

  it('escapes markup from the target everywhere', () => {
    const page = renderHtmlReport(hostile());
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<img src=x');
    for (const tag of ['<b>bold', '<i>User', '<u>status', '<h1>platform', '<x>.ts', '<marquee>']) {
      expect(page).not.toContain(tag);
    }
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(section(page, 'errors')).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section(page, 'errors')).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(section(page, 'endpoints')).toContain('/q?&lt;b&gt;bold&lt;/b&gt;');
    expect(section(page, 'checks')).toContain('&lt;u&gt;status&lt;/u&gt; is 202');
    expect(page).toContain('<title>&lt;h1&gt;platform&lt;/h1&gt; · FAILED · volley report</title>');
    expect(page).toContain('<code>load/&lt;x&gt;.ts</code>');
  });

  it('has every section, titled, in order', () => {
    const page = renderHtmlReport(hostile());
    const titles = [...page.matchAll(/<h2 id="([a-z-]+)-title">([^<]*)<\/h2>/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(titles).toEqual([
      'thresholds:Thresholds',
      'run:Run',
      'over-time:Over time',
      'distribution:Latency distribution',
      'endpoints:Requests',
      'status-codes:Status codes',
      'errors:Errors',
      'checks:Checks',
      'generator:Load generator',
    ]);
    expect(page.indexOf('id="verdict"')).toBeLessThan(page.indexOf('id="warnings"'));
    expect(page.indexOf('id="warnings"')).toBeLessThan(page.indexOf('id="thresholds"'));
    for (const id of ['throughput', 'latency', 'users', 'distribution', 'monitor-cpu', 'monitor-memory']) {
      expect(page).toContain(`data-chart="${id}"`);
    }
  });

  it('opens with the verdict and its reason', () => {
    const page = renderHtmlReport(fixtureResult());
    expect(page).toMatch(
      /<section class="verdict failed"[\s\S]*?FAILED<\/p>\s*<p class="verdict-reason">2 of 5 thresholds failed<\/p>/,
    );
    const aborted = fixtureResult();
    aborted.outcome = 'aborted';
    aborted.abortReason = 'threshold p95<300ms failed (abortOnFail)';
    expect(renderHtmlReport(aborted)).toContain(
      'ABORTED</p>\n<p class="verdict-reason">threshold p95&lt;300ms failed (abortOnFail)</p>',
    );
  });

  it('lists each threshold with its mark, expression and actual value', () => {
    const rows = [
      ...section(renderHtmlReport(fixtureResult()), 'thresholds').matchAll(/<tr>([\s\S]*?)<\/tr>/g),
    ]
      .slice(1)
      .map((m) => (m[1] as string).replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
    expect(rows).toEqual([
      '|✓|p95&lt;300ms|182ms|',
      '|✓|AuthUser:successRate&gt;=99%|99.1%|',
      '|✗|GenerationUser:p99&lt;1s|1,210ms|',
      '|✓|POST /api/v1/generation/create:failRate&lt;5%|4.2%|',
      '|✗|GET /api/v1/missing:p95&lt;100ms|no requests matched|—|',
    ]);
  });

  it('makes the endpoints table sortable, by requests first, with values to sort on', () => {
    const page = renderHtmlReport(fixtureResult());
    const endpoints = section(page, 'endpoints');
    expect(endpoints).toContain('<table class="endpoints sortable">');
    expect(endpoints).toMatch(
      /<th scope="col" class="num" aria-sort="descending"><button type="button" class="sort" data-col="3" data-kind="num">requests/,
    );
    const body = endpoints.slice(endpoints.indexOf('<tbody>'), endpoints.indexOf('</tbody>'));
    const requests = [...body.matchAll(/<tr><td>[\s\S]*?<td class="num" data-v="(\d+)">/g)].map((m) => m[1]);
    expect(requests).toEqual(['1800', '1500', '900', '600']);
    expect(endpoints).toContain('<td class="num" data-v="1210">1,210</td>');
    expect(endpoints).toMatch(
      /<tfoot><tr><td><\/td><td><\/td><td class="total-label">all requests<\/td><td class="num" data-v="4800">4,800<\/td>/,
    );
    // The page script sorts on click.
    expect(page).toContain('addEventListener("click"');
    expect(page).toContain('th.setAttribute("aria-sort", direction)');
  });

  it('inlines uPlot and its stylesheet', () => {
    const page = renderHtmlReport(fixtureResult());
    expect(page).toContain('var uPlot=function(){');
    expect(page).toContain('.uplot, .uplot *');
  });

  it("lists each worker's share of the requests, and a lost one with why, in the Run card", () => {
    const result = fixtureResult();
    result.workers = [
      { worker: 0, requests: 2_270, failures: 0, lost: null },
      { worker: 1, requests: 1_104, failures: 0, lost: 'connection closed' },
    ];
    expect(renderHtmlReport(result)).toContain(
      '<div><dt>workers</dt><dd>#0 2,270 req · #1 1,104 req (lost: connection closed)</dd></div>',
    );
    result.workers = [{ worker: 0, requests: 5, failures: 0, lost: null }];
    expect(renderHtmlReport(result)).not.toContain('<dt>workers</dt>');
  });

  it('leaves out what a Result does not have', () => {
    const result = fixtureResult();
    Object.assign(result, {
      outcome: 'passed',
      ok: true,
      endpoints: [],
      errors: [],
      checks: [],
      thresholds: [],
      timeSeries: [],
      warnings: [],
      monitor: { generator: [] },
    });
    result.totals.statusCodes = {};
    result.totals.failures = 0;
    result.totals.checks = { passes: 0, fails: 0 };
    const page = renderHtmlReport(result);
    expect([...page.matchAll(/<h2 id="([a-z-]+)-title">/g)].map((m) => m[1])).toEqual(['run']);
    expect(page).not.toContain('id="warnings"');
    expect(page).not.toContain('<div class="chart');
    expect((JSON.parse(split(page).json) as ReportData).charts).toEqual([]);
    expect(page).toContain(
      '<p class="verdict-reason">no thresholds set, and no failed requests, tasks or checks</p>',
    );
    expect(page).toContain('<nav class="toc" aria-label="Sections"><a href="#run">Run</a></nav>');
  });
});

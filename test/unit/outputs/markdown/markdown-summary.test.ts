import { describe, expect, it } from 'vitest';
import type { EndpointStats, Result } from '../../../../src/metrics/result.js';
import { escapeMarkdown, formatMarkdownSummary } from '../../../../src/outputs/markdown/index.js';
import { fixtureResult } from '../fixture-result.js';

const FIXTURE_MARKDOWN = `## ❌ FAILED (2 of 5 thresholds failed, 25 checks failed)

**platform** · 30s · 50 users at 10/s for 30s · 4,800 requests · 160 req/s · p95 182ms · 0.96% errors

### Thresholds

|   | Threshold | Actual |
| :-: | --- | ---: |
| ✓ | p95&lt;300ms | 182ms |
| ✓ | AuthUser:successRate&gt;=99% | 99.1% |
| ✗ | GenerationUser:p99&lt;1s | 1,210ms |
| ✓ | POST /api/v1/generation/create:failRate&lt;5% | 4.2% |
| ✗ | GET /api/v1/missing:p95&lt;100ms | — (no requests matched) |

### Endpoints

| Method | Name | Requests | Failures | RPS | p50 | p95 | p99 |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| GET | GenerationUser · /api/v1/generation/\\[id\\] | 1,800 | 0 | 60.0 | 2.95ms | 10.0ms | 31.7ms |
| POST | AuthUser · /api/v1/auth/login | 1,500 | 12 (0.8%) | 50.0 | 11.9ms | 30.1ms | 75.3ms |
| POST | AuthUser · /api/v1/auth/register | 900 | 9 (1.0%) | 30.0 | 19.8ms | 55.7ms | 120ms |
| POST | GenerationUser · /api/v1/generation/create | 600 | 25 (4.2%) | 20.0 | 180ms | 480ms | 1,210ms |

### Top 5 of 6 errors

| Count | Error | Where |
| ---: | --- | --- |
| 20 | HTTP 500 Internal Server Error | GenerationUser POST /api/v1/generation/create |
| 9 | HTTP 401 Unauthorized | AuthUser POST /api/v1/auth/login |
| 9 | HTTP 429 Too Many Requests | AuthUser POST /api/v1/auth/register |
| 5 | connect ECONNREFUSED 127.0.0.1:8000 | GenerationUser POST /api/v1/generation/create |
| 4 | TypeError: Cannot read properties of undefined (reading 'id') | GenerationUser task poll |

### Failed checks

| Check | Failed |
| --- | ---: |
| GenerationUser · status is 202 | 25 of 600 (4.2%) |

> ⚠️ generator CPU reached 97% of one core; latency figures may include client-side delay
`;

/** A passing run of one user class: no failures, errors, failed checks or warnings. */
function passingResult(): Result {
  const result = fixtureResult();
  result.ok = true;
  result.outcome = 'passed';
  result.endpoints = result.endpoints
    .filter((endpoint) => endpoint.user === 'AuthUser')
    .map((endpoint) => ({ ...endpoint, failures: 0 }));
  result.errors = [];
  result.checks = result.checks.filter((check) => check.fails === 0);
  result.totals = {
    ...result.totals,
    requests: 2400,
    failures: 0,
    rps: 80,
    checks: { passes: 2063, fails: 0 },
  };
  result.thresholds = [
    { expression: 'p95<300ms', ok: true, actual: 182, actualText: '182ms', abortOnFail: false },
  ];
  result.warnings = [];
  return result;
}

describe('formatMarkdownSummary', () => {
  it('renders the fixture exactly', () => {
    expect(formatMarkdownSummary(fixtureResult())).toBe(FIXTURE_MARKDOWN);
  });

  it('renders a passing run of one user class without sections it has nothing for', () => {
    expect(formatMarkdownSummary(passingResult())).toBe(`## ✅ PASSED

**platform** · 30s · 50 users at 10/s for 30s · 2,400 requests · 80.0 req/s · p95 182ms · 0.00% errors

### Thresholds

|   | Threshold | Actual |
| :-: | --- | ---: |
| ✓ | p95&lt;300ms | 182ms |

### Endpoints

| Method | Name | Requests | Failures | RPS | p50 | p95 | p99 |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| POST | /api/v1/auth/login | 1,500 | 0 | 50.0 | 11.9ms | 30.1ms | 75.3ms |
| POST | /api/v1/auth/register | 900 | 0 | 30.0 | 19.8ms | 55.7ms | 120ms |
`);
  });

  it('heads an aborted run with its reason, escaped', () => {
    const result = passingResult();
    result.ok = false;
    result.outcome = 'aborted';
    result.abortReason = 'threshold p95<300ms failed';
    expect(formatMarkdownSummary(result).split('\n')[0]).toBe('## ⛔ ABORTED: threshold p95&lt;300ms failed');
  });

  it('leaves out latency and error rate for a run without requests, and users it cannot know', () => {
    const result = passingResult();
    result.endpoints = [];
    result.thresholds = [];
    result.timeSeries = [];
    result.options = {};
    result.load = { executor: 'ramping-users', description: '' };
    result.totals = { ...result.totals, requests: 0, rps: 0 };
    expect(formatMarkdownSummary(result)).toBe(
      '## ✅ PASSED\n\n**platform** · 30s · 0 requests · 0.00 req/s\n',
    );
  });

  it('lists the 10 busiest endpoints, and says how many there are', () => {
    const result = passingResult();
    const template = result.endpoints[0] as EndpointStats;
    result.endpoints = Array.from({ length: 12 }, (_, i) => ({
      ...template,
      name: `/e${String(i).padStart(2, '0')}`,
      requests: 100 + (i % 4) * 10,
    }));
    const lines = formatMarkdownSummary(result).split('\n');
    const title = lines.indexOf('### Top 10 of 12 endpoints');
    expect(title).toBeGreaterThan(0);
    const names = lines.slice(title + 4, title + 14).map((line) => line.split(' | ')[1]);
    // By requests, most first; ties by name.
    expect(names).toEqual(['/e03', '/e07', '/e11', '/e02', '/e06', '/e10', '/e01', '/e05', '/e09', '/e00']);
    expect(lines[title + 14]).toBe('');
  });

  it('separates several warnings into their own quoted paragraphs', () => {
    const result = passingResult();
    result.warnings = ['CPU saturated', 'event loop delay *high*'];
    expect(
      formatMarkdownSummary(result).endsWith('> ⚠️ CPU saturated\n>\n> ⚠️ event loop delay \\*high\\*\n'),
    ).toBe(true);
  });

  it('escapes pipes, backticks and HTML in cells so the table keeps its shape', () => {
    const result = passingResult();
    const template = result.endpoints[0] as EndpointStats;
    result.endpoints = [{ ...template, method: 'GET', name: '/a|b/`c`/<script>&x' }];
    result.errors = [
      {
        kind: 'request',
        message: 'bad | thing\nsecond line',
        count: 1,
        firstAt: result.startedAt,
        endpoint: 'AuthUser GET /a|b',
        key: { scenario: '', user: 'AuthUser', method: 'GET', name: '/a|b' },
      },
    ];
    const text = formatMarkdownSummary(result);
    expect(text).toContain('| GET | /a\\|b/\\`c\\`/&lt;script&gt;&amp;x | 900 |');
    expect(text).toContain('| 1 | bad \\| thing | AuthUser GET /a\\|b |');
    // Every table row still has as many unescaped pipes as its header.
    for (const table of text.split('\n\n').filter((block) => block.startsWith('|'))) {
      const rows = table.split('\n').filter((row) => row !== '');
      const pipes = (row: string) => row.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(pipes(row)).toBe(pipes(rows[0] as string));
    }
  });
});

describe('formatMarkdownSummary with several protocols', () => {
  it('adds a Protocol column only when a row speaks more than HTTP/1.1', () => {
    const result = fixtureResult();
    expect(formatMarkdownSummary(result)).not.toContain('| Protocol');
    const [first, ...rest] = result.endpoints;
    const h2: EndpointStats = { ...first!, protocol: 'h2' };
    const text = formatMarkdownSummary({ ...result, endpoints: [first!, h2, ...rest] });
    expect(text).toMatch(/^\| Protocol \| Method \| Name/m);
    expect(text).toMatch(/^\| HTTP\/2 \| /m);
    expect(text).toMatch(/^\| HTTP\/1\.1 \| /m);
  });
});

describe('escapeMarkdown', () => {
  it('escapes Markdown punctuation and HTML, and folds lines', () => {
    expect(escapeMarkdown('a|b `c` *d* _e_ ~f~ [g](h) \\ <i> & j')).toBe(
      'a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\[g\\](h) \\\\ &lt;i&gt; &amp; j',
    );
    expect(escapeMarkdown('one\r\ntwo\nthree\rfour')).toBe('one two three four');
    expect(escapeMarkdown('/api/v1/items')).toBe('/api/v1/items');
  });
});

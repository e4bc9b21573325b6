import { describe, expect, it } from 'vitest';
import type { EndpointStats, ErrorEntry, Result } from '../../../src/metrics/result.js';
import { stripAnsi } from '../../../src/outputs/color.js';
import { formatSummary, verdictText } from '../../../src/outputs/summary.js';
import { fitLabel } from '../../../src/outputs/summary-tables.js';
import { textWidth } from '../../../src/outputs/text.js';
import { fixtureResult } from './fixture-result.js';

const plain = (result: Result, width = 120): string => formatSummary(result, { color: false, width });

/** The lines of the section whose title line starts with `title`, up to the blank line. */
function section(text: string, title: string): string[] {
  const blocks = text.split('\n\n').map((block) => block.split('\n'));
  const found = blocks.find((lines) => lines[0]?.startsWith(title));
  if (found === undefined) throw new Error(`no section ${title}`);
  return found;
}

function titles(text: string): string[] {
  return text.split('\n\n').map((block) => block.split('\n')[0] ?? '');
}

describe('formatSummary workers', () => {
  it('lists each worker\'s share, and a lost worker with why, only when the load was split', () => {
    const one = { ...fixtureResult(), workers: [{ worker: 0, requests: 10, failures: 0, lost: null }] };
    expect(titles(plain(one))).not.toContain(expect.stringMatching(/^Workers/));
    const split = {
      ...fixtureResult(),
      workers: [
        { worker: 0, requests: 2_270, failures: 0, lost: null },
        { worker: 1, requests: 1_104, failures: 3, lost: 'heartbeat timed out' },
      ],
    };
    expect(section(plain(split), 'Workers')).toEqual([
      'Workers  #0 2,270 req · #1 1,104 req, 3 failed (lost: heartbeat timed out)',
    ]);
    expect(section(plain(split, 40), 'Workers')).toEqual([
      'Workers  #0 2,270 req',
      '         #1 1,104 req, 3 failed (lost: heartbeat timed out)',
    ]);
  });
});

describe('formatSummary sections', () => {
  it('renders every section, in order', () => {
    const text = plain(fixtureResult());
    expect(titles(text).map((title) => title.split(/ \(| {2}/)[0])).toEqual([
      'volley 0.1.0 · platform',
      'Requests',
      'User classes',
      'Status codes',
      'Errors',
      'Checks',
      'Thresholds',
      'Warnings',
      'FAILED',
    ]);
  });

  it('opens with the scenario, target, duration, users and volume', () => {
    expect(section(plain(fixtureResult()), 'volley')).toEqual([
      'volley 0.1.0 · platform (load/platform.ts)',
      'target http://127.0.0.1:8000 · duration 30s · load 50 users at 10/s for 30s · started 2025-03-01 10:00:00Z',
      '4,800 requests (160/s) · 2,100 iterations · 1.6 MB received · 375.0 kB sent',
    ]);
  });

  it('falls back to the peak users of the time series and omits a missing target and file', () => {
    const result = fixtureResult();
    result.options = {};
    result.load = { executor: 'ramping-users', description: '' };
    result.scenario.file = null;
    const header = section(plain(result), 'volley');
    expect(header[0]).toBe('volley 0.1.0 · platform');
    expect(header[1]).toBe('duration 30s · 50 users · started 2025-03-01 10:00:00Z');
  });

  it('adds a Protocol column only when a row speaks more than HTTP/1.1', () => {
    const result = fixtureResult();
    expect(section(plain(result, 160), 'Requests')[1]).not.toContain('Protocol');
    const [first, ...rest] = result.endpoints;
    const ws: EndpointStats = { ...first!, method: 'WS', name: '/chat', protocol: 'ws', statusCodes: {} };
    const lines = section(plain({ ...result, endpoints: [first!, ws, ...rest] }, 160), 'Requests');
    expect(lines[1]?.trim().split(/\s+/)[0]).toBe('Protocol');
    expect(lines.find((line) => line.includes('/chat'))?.trim()).toMatch(/^WebSocket\s+WS\s/);
    expect(lines.find((line) => line.includes(first!.name))?.trim()).toMatch(/^HTTP\/1\.1\s/);
  });

  it('tabulates endpoints sorted by class, name, method, with an aggregated row', () => {
    // 130 columns: wide enough that no name is cut (120 cuts the longest by two characters).
    const lines = section(plain(fixtureResult(), 130), 'Requests');
    expect(lines[0]).toBe('Requests (latency in ms)');
    const cells = lines.slice(1).map((line) => line.trim().split(/\s+/));
    expect(cells[0]).toEqual([
      'Type',
      'Name',
      '#',
      'reqs',
      '#',
      'fails',
      'req/s',
      'avg',
      'min',
      'p50',
      'p90',
      'p95',
      'p99',
      'p99.9',
      'max',
    ]);
    expect(cells.slice(2, 6)).toEqual([
      [
        'POST',
        'AuthUser',
        '·',
        '/api/v1/auth/login',
        '1,500',
        '12',
        '(0.80%)',
        '50.0',
        '14.3',
        '5.12',
        '11.9',
        '22.4',
        '30.1',
        '75.3',
        '240',
        '260',
      ],
      [
        'POST',
        'AuthUser',
        '·',
        '/api/v1/auth/register',
        '900',
        '9',
        '(1.00%)',
        '30.0',
        '24.6',
        '8.21',
        '19.8',
        '41.2',
        '55.7',
        '120',
        '388',
        '412',
      ],
      [
        'GET',
        'GenerationUser',
        '·',
        '/api/v1/generation/[id]',
        '1,800',
        '0',
        '60.0',
        '3.87',
        '0.42',
        '2.95',
        '7.31',
        '10.0',
        '31.7',
        '88.2',
        '96.5',
      ],
      [
        'POST',
        'GenerationUser',
        '·',
        '/api/v1/generation/create',
        '600',
        '25',
        '(4.17%)',
        '20.0',
        '212',
        '45.3',
        '180',
        '350',
        '480',
        '1,210',
        '4,890',
        '12,400',
      ],
    ]);
    expect(cells[7]).toEqual([
      'Aggregated',
      '4,800',
      '46',
      '(0.96%)',
      '160',
      '37.1',
      '0.42',
      '12.4',
      '61.3',
      '182',
      '645',
      '3,980',
      '12,400',
    ]);
  });

  it('aligns every line of a table to the same width, numbers on the right', () => {
    const lines = section(plain(fixtureResult()), 'Requests').slice(1);
    const width = textWidth(lines[0] as string);
    for (const line of lines) expect(textWidth(line)).toBe(width);
    // Right alignment: each row's last cell ends at the table's edge.
    for (const line of lines) expect(line.endsWith(' ')).toBe(false);
  });

  it('names rows without the class, and skips the class table, when one class ran', () => {
    const result = fixtureResult();
    result.endpoints = result.endpoints.filter((e) => e.user === 'AuthUser');
    result.userClasses = result.userClasses.filter((c) => c.user === 'AuthUser');
    result.checks = result.checks.filter((c) => c.user === 'AuthUser');
    const text = plain(result);
    expect(titles(text)).not.toContain('User classes (latency in ms)');
    const rows = section(text, 'Requests').slice(3, 5);
    expect(rows.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['POST', '/api/v1/auth/login'],
      ['POST', '/api/v1/auth/register'],
    ]);
  });

  it('tabulates user classes when there are several', () => {
    expect(section(plain(fixtureResult()), 'User classes')).toEqual([
      'User classes (latency in ms)',
      '  User class      # reqs     # fails  req/s   p50   p95  p99',
      '  ──────────────────────────────────────────────────────────',
      '  AuthUser         2,400  21 (0.88%)   80.0  12.0  48.2  300',
      '  GenerationUser   2,400  25 (1.04%)   80.0  12.0   310  300',
    ]);
  });

  it('lists status codes numerically, no-response last', () => {
    expect(section(plain(fixtureResult()), 'Status codes')).toEqual([
      'Status codes  200 ×3,288  201 ×891  202 ×575  401 ×9  429 ×9  500 ×20  0 (no response) ×8',
    ]);
  });

  it('lists errors by count with first-seen times, one line per message', () => {
    const lines = section(plain(fixtureResult(), 200), 'Errors');
    expect(lines[0]).toBe('Errors (6 kinds, 50 occurrences)');
    const rows = lines.slice(3).map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ['20', '+12s', 'GenerationUser POST /api/v1/generation/create', 'HTTP 500 Internal Server Error'],
      ['9', '+1.5s', 'AuthUser POST /api/v1/auth/login', 'HTTP 401 Unauthorized'],
      ['9', '+3.3s', 'AuthUser POST /api/v1/auth/register', 'HTTP 429 Too Many Requests'],
      ['5', '+20.1s', 'GenerationUser POST /api/v1/generation/create', 'connect ECONNREFUSED 127.0.0.1:8000'],
      [
        '4',
        '+1m5s',
        'GenerationUser task poll',
        "TypeError: Cannot read properties of undefined (reading 'id') at run (load/platform.ts:42:17)",
      ],
      ['3', '+20.4s', 'AuthUser POST /api/v1/auth/login', 'connect ECONNREFUSED 127.0.0.1:8000'],
    ]);
  });

  it('shows the ten most frequent errors and counts the rest', () => {
    const result = fixtureResult();
    const template = result.errors[0] as ErrorEntry;
    result.errors = Array.from({ length: 13 }, (_, i) => ({
      ...template,
      message: `error ${i}`,
      count: i + 1,
    }));
    const lines = section(plain(result), 'Errors');
    expect(lines[0]).toBe('Errors (13 kinds, 91 occurrences)');
    expect(lines.slice(3, 13).map((line) => line.trim().split(/\s{2,}/)[3])).toEqual(
      Array.from({ length: 10 }, (_, i) => `error ${12 - i}`),
    );
    expect(lines[13]).toBe('  … 3 more (6 occurrences)');
    expect(lines).toHaveLength(14);
  });

  it('truncates a long error message to the width', () => {
    const result = fixtureResult();
    result.errors = [{ ...(result.errors[0] as ErrorEntry), message: `boom ${'x'.repeat(500)}` }];
    const lines = section(plain(result, 100), 'Errors');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(100);
    expect(lines[3]?.trimEnd().endsWith('x…')).toBe(true);
  });

  it('reports checks with counts when all passed, rates when some failed', () => {
    expect(section(plain(fixtureResult()), 'Checks').map((line) => line.trimEnd())).toEqual([
      'Checks',
      '  ✓ AuthUser · token present        1,488/1,488',
      '  ✓ GenerationUser · has id         575/575',
      '  ✗ GenerationUser · status is 202  95.8% (25 failed)',
    ]);
  });

  it('reports each threshold with its measured value or why it failed', () => {
    expect(section(plain(fixtureResult()), 'Thresholds')).toEqual([
      'Thresholds',
      '  ✓ p95<300ms (actual 182ms)',
      '  ✓ AuthUser:successRate>=99% (actual 99.1%)',
      '  ✗ GenerationUser:p99<1s (actual 1,210ms)',
      '  ✓ POST /api/v1/generation/create:failRate<5% (actual 4.2%)',
      '  ✗ GET /api/v1/missing:p95<100ms — no requests matched',
    ]);
  });

  it('shows warnings', () => {
    expect(section(plain(fixtureResult()), 'Warnings')).toEqual([
      'Warnings',
      '  ! generator CPU reached 97% of one core; latency figures may include client-side delay',
    ]);
  });

  it('omits empty sections', () => {
    const result = fixtureResult();
    result.endpoints = [];
    result.userClasses = [];
    result.totals.statusCodes = {};
    result.errors = [];
    result.checks = [];
    result.thresholds = [];
    result.warnings = [];
    result.outcome = 'passed';
    expect(titles(plain(result))).toEqual(['volley 0.1.0 · platform (load/platform.ts)', 'PASSED']);
  });
});

describe('verdict', () => {
  const last = (result: Result): string => plain(result).split('\n').at(-1) as string;

  it('passes', () => {
    const result = fixtureResult();
    result.outcome = 'passed';
    expect(last(result)).toBe('PASSED');
  });

  it('counts failed thresholds and failed checks', () => {
    expect(last(fixtureResult())).toBe('FAILED (2 of 5 thresholds failed, 25 checks failed)');
    const result = fixtureResult();
    result.totals.checks.fails = 0;
    expect(verdictText(result)).toBe('FAILED (2 of 5 thresholds failed)');
  });

  it('blames failed requests when no thresholds were set', () => {
    const result = fixtureResult();
    result.thresholds = [];
    result.totals.checks.fails = 0;
    result.errors = result.errors.filter((e) => e.kind !== 'task');
    expect(verdictText(result)).toBe('FAILED (46 requests failed; no thresholds set)');
    result.totals.failures = 1;
    expect(verdictText(result)).toBe('FAILED (1 request failed; no thresholds set)');
  });

  it('says which task threw what, and how often, when tasks threw', () => {
    const result = fixtureResult();
    result.thresholds = [];
    result.totals.checks.fails = 0;
    result.totals.failures = 0;
    expect(verdictText(result)).toBe(
      "FAILED (task 'poll' of GenerationUser threw TypeError: Cannot read properties of undefined (reading 'id'), 4 times; no thresholds set)",
    );
    const first = result.errors.find((e) => e.kind === 'task');
    result.errors.push({ ...first!, message: 'Error: boom', count: 1, key: { ...first!.key, name: 'list' } });
    expect(verdictText(result)).toContain("4 times; 1 other task error; no thresholds set)");
  });

  it('names the checks when thresholds passed but checks failed', () => {
    const result = fixtureResult();
    result.thresholds = result.thresholds.filter((t) => t.ok);
    expect(verdictText(result)).toBe('FAILED (25 checks failed)');
  });

  it('gives the abort reason', () => {
    const result = fixtureResult();
    result.outcome = 'aborted';
    result.abortReason = 'threshold p99<1s failed (abortOnFail)';
    expect(last(result)).toBe('ABORTED: threshold p99<1s failed (abortOnFail)');
    result.abortReason = undefined;
    expect(verdictText(result)).toBe('ABORTED');
  });

  it('adds dropped iterations', () => {
    const result = fixtureResult();
    result.outcome = 'passed';
    result.totals.droppedIterations = 1234;
    expect(last(result)).toBe('PASSED · 1,234 iterations dropped');
  });

  it('says how many requests were retried, above the verdict, only when some were', () => {
    const result = fixtureResult();
    result.outcome = 'passed';
    expect(plain(result)).not.toContain('retried');
    result.totals.retries = 3;
    const lines = plain(result).split('\n');
    expect(lines.at(-2)).toBe(
      '3 requests retried after a kept-alive connection dropped them unanswered (each failed attempt counts as a failed request)',
    );
    expect(last(result)).toBe('PASSED');
  });

  it('shows what the compressed bodies scripts read came to, beside the wire bytes received', () => {
    const result = fixtureResult();
    expect(plain(result)).not.toContain('compressed');
    result.totals.decoded = { bodies: 2, wireBytes: 2000, bytes: 9000 };
    expect(plain(result)).toContain(
      '1.6 MB received (2 compressed bodies read: 2.0 kB on the wire, 9.0 kB decoded) · 375.0 kB sent',
    );
  });
});

describe('colour and width', () => {
  it('has no escapes without colour, and the same text under them with colour', () => {
    const result = fixtureResult();
    const colored = formatSummary(result, { color: true, width: 120 });
    const uncolored = plain(result);
    // eslint-disable-next-line no-control-regex -- looking for ESC on purpose.
    expect(uncolored).not.toMatch(/\u001b/);
    expect(colored).toContain('\u001b[31m✗ GenerationUser:p99<1s (actual 1,210ms)\u001b[39m');
    expect(colored).toContain('\u001b[1m\u001b[31mFAILED');
    expect(stripAnsi(colored)).toBe(uncolored);
  });

  it('fits long names into the width, keeping the class and both ends of the name', () => {
    const result = fixtureResult();
    const long = `/api/v1/${'segment/'.repeat(20)}end`;
    result.endpoints.push({ ...(result.endpoints[0] as EndpointStats), name: long });
    const cut = (width: number): string | undefined => {
      const lines = section(plain(result, width), 'Requests').slice(1);
      const tableWidth = textWidth(lines[0] as string);
      expect(tableWidth).toBeLessThanOrEqual(width);
      for (const line of lines) expect(textWidth(line)).toBe(tableWidth);
      return lines
        .find((line) => line.includes('/end '))
        ?.slice(8)
        .split(/\s{2,}/)[0];
    };
    expect(cut(120)).toBe('GenerationUser · /api/v1/seg…segment/end');
    // At 100 columns the name would keep under 12 columns, so the class gives way.
    expect(cut(100)).toBe('Gen… · /api/v…nt/end');
  });

  it('shrinks a class name too when the width leaves the name under 12 columns', () => {
    expect(fitLabel('GenerationUser · /api/v1/generation/create', 44)).toBe(
      'GenerationUser · /api/v1/generation/create',
    );
    expect(fitLabel('GenerationUser · /api/v1/generation/create', 30)).toBe('GenerationUser · /api/v…create');
    expect(fitLabel('GenerationUser · /api/v1/generation/create', 20)).toBe('Gen… · /api/v…create');
    expect(fitLabel('/api/v1/generation/create', 12)).toBe('/api/v…reate');
    expect(fitLabel('AuthUser · /x', 10)).toBe('Auth… · /x');
    expect(fitLabel('AuthUser · /x', 8)).toBe('Auth… /x');
  });
});

describe('narrow widths', () => {
  it('cuts names at 120 columns only as much as needed', () => {
    const rows = section(plain(fixtureResult(), 120), 'Requests').slice(3, 7);
    expect(rows.map((line) => line.slice(8, 48).trimEnd())).toEqual([
      'AuthUser · /api/v1/auth/login',
      'AuthUser · /api/v1/auth/register',
      'GenerationUser · /api/v1/generation/[id]',
      'GenerationUser · /api/v1/gen…tion/create',
    ]);
  });

  it('cuts long error messages at the end', () => {
    const lines = section(plain(fixtureResult(), 120), 'Errors');
    expect(lines.find((line) => line.includes('task poll'))?.trimEnd()).toMatch(
      /GenerationUser task poll {2,}TypeError: Cannot read properties of undefined \(rea…$/,
    );
  });

  it('never lays out narrower than 60 columns', () => {
    expect(plain(fixtureResult(), 10)).toBe(plain(fixtureResult(), 60));
  });
});

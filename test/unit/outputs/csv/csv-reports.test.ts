/**
 * The four Locust CSV files rendered from a Result. The expected header lines are copied from
 * Locust's source, `locust/stats.py` in locustio/locust (class `StatsCSV`: `requests_csv_columns`,
 * `failures_columns`, `exceptions_columns`; class `StatsCSVFileWriter`:
 * `stats_history_csv_columns`; percentile headings from `PERCENTILES_TO_REPORT` =
 * [0.50, 0.66, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0] through
 * `get_readable_percentiles`), written by Python's `csv.writer` (comma, CRLF).
 */

import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../../../src/metrics/histogram.js';
import type { EndpointStats, LatencyStats, Result } from '../../../../src/metrics/result.js';
import { formatCsvReports } from '../../../../src/outputs/csv/index.js';
import { fixtureResult } from '../fixture-result.js';

const LOCUST_STATS_HEADER =
  'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,' +
  'Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,' +
  '50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%';
const LOCUST_HISTORY_HEADER =
  'Timestamp,User Count,Type,Name,Requests/s,Failures/s,' +
  '50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,' +
  'Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,' +
  'Total Min Response Time,Total Max Response Time,Total Average Content Size';
const LOCUST_FAILURES_HEADER = 'Method,Name,Error,Occurrences';
const LOCUST_EXCEPTIONS_HEADER = 'Count,Message,Traceback,Nodes';

const lines = (...rows: string[]) => rows.map((row) => `${row}\r\n`).join('');
const NA = (count: number) => Array(count).fill('N/A').join(',');

describe('formatCsvReports: headers', () => {
  it("writes Locust's header lines exactly", () => {
    const reports = formatCsvReports(fixtureResult());
    expect(reports._stats.split('\r\n')[0]).toBe(LOCUST_STATS_HEADER);
    expect(reports._stats_history.split('\r\n')[0]).toBe(LOCUST_HISTORY_HEADER);
    expect(reports._failures.split('\r\n')[0]).toBe(LOCUST_FAILURES_HEADER);
    expect(reports._exceptions.split('\r\n')[0]).toBe(LOCUST_EXCEPTIONS_HEADER);
  });

  it('writes only headers for a run with no requests', () => {
    const result = fixtureResult();
    result.endpoints = [];
    result.errors = [];
    result.timeSeries = [];
    result.totals = { ...result.totals, requests: 0, failures: 0, rps: 0, bytesIn: 0 };
    const reports = formatCsvReports(result);
    expect(reports._stats).toBe(lines(LOCUST_STATS_HEADER, `,Aggregated,0,0,0,0.0,0,0,0,0.0,0.0,${NA(11)}`));
    expect(reports._stats_history).toBe(lines(LOCUST_HISTORY_HEADER));
    expect(reports._failures).toBe(lines(LOCUST_FAILURES_HEADER));
    expect(reports._exceptions).toBe(lines(LOCUST_EXCEPTIONS_HEADER));
  });
});

describe('formatCsvReports: the fixture', () => {
  it('stats: one row per (Type, Name) sorted by name then method, then Aggregated', () => {
    // Without stored histograms, only the percentiles the Result holds are known (50, 90, 95,
    // 99, 99.9, and 100 = max), rounded to whole ms; the rest are N/A.
    expect(formatCsvReports(fixtureResult())._stats).toBe(
      lines(
        LOCUST_STATS_HEADER,
        'POST,/api/v1/auth/login,1500,12,12,14.3,5.12,260.0,300.0,50.0,0.4,12,N/A,N/A,N/A,22,30,N/A,75,240,N/A,260',
        'POST,/api/v1/auth/register,900,9,20,24.6,8.21,412.0,200.0,30.0,0.3,20,N/A,N/A,N/A,41,56,N/A,120,388,N/A,412',
        'GET,/api/v1/generation/[id],1800,0,3,3.87,0.42,96.5,400.0,60.0,0.0,3,N/A,N/A,N/A,7,10,N/A,32,88,N/A,97',
        'POST,/api/v1/generation/create,600,25,180,212.4,45.3,12400.0,400.0,20.0,0.8333333333333334,' +
          '180,N/A,N/A,N/A,350,480,N/A,1210,4890,N/A,12400',
        ',Aggregated,4800,46,12,37.08,0.42,12400.0,331.25,160.0,1.5333333333333334,' +
          '12,N/A,N/A,N/A,61,182,N/A,645,3980,N/A,12400',
      ),
    );
  });

  it('stats history: one Aggregated row per second at unix time startedAt + t', () => {
    // 2025-03-01T10:00:00Z is 1740823200.
    const tail = NA(7);
    expect(formatCsvReports(fixtureResult())._stats_history).toBe(
      lines(
        LOCUST_HISTORY_HEADER,
        `1740823201,10,,Aggregated,95.000000,0.000000,11,N/A,N/A,N/A,N/A,40,N/A,80,N/A,N/A,N/A,${tail}`,
        `1740823202,20,,Aggregated,130.000000,1.000000,12,N/A,N/A,N/A,N/A,53,N/A,120,N/A,N/A,N/A,${tail}`,
        `1740823203,30,,Aggregated,151.000000,2.000000,13,N/A,N/A,N/A,N/A,170,N/A,611,N/A,N/A,N/A,${tail}`,
        `1740823204,40,,Aggregated,160.000000,0.000000,${NA(11)},${tail}`,
        `1740823205,50,,Aggregated,168.000000,3.000000,13,N/A,N/A,N/A,N/A,191,N/A,701,N/A,N/A,N/A,${tail}`,
      ),
    );
  });

  it('failures: request errors by method, name and error, most frequent first', () => {
    expect(formatCsvReports(fixtureResult())._failures).toBe(
      lines(
        LOCUST_FAILURES_HEADER,
        'POST,/api/v1/generation/create,HTTP 500 Internal Server Error,20',
        'POST,/api/v1/auth/login,HTTP 401 Unauthorized,9',
        'POST,/api/v1/auth/register,HTTP 429 Too Many Requests,9',
        'POST,/api/v1/generation/create,connect ECONNREFUSED 127.0.0.1:8000,5',
        'POST,/api/v1/auth/login,connect ECONNREFUSED 127.0.0.1:8000,3',
      ),
    );
  });

  it('exceptions: task errors, the stack under the task in a quoted Traceback', () => {
    expect(formatCsvReports(fixtureResult())._exceptions).toBe(
      lines(
        LOCUST_EXCEPTIONS_HEADER,
        "4,TypeError: Cannot read properties of undefined (reading 'id')," +
          '"GenerationUser task poll\n    at run (load/platform.ts:42:17)",local',
      ),
    );
  });
});

const BASE_LATENCY: LatencyStats = {
  min: 1,
  mean: 25.5,
  max: 50,
  stdev: 0,
  p50: 25,
  p90: 45,
  p95: 48,
  p99: 50,
  p999: 50,
};

/** A histogram holding each whole millisecond from `from` to `to` once. */
function histogramOf(from: number, to: number): string {
  const histogram = createHistogram();
  for (let ms = from; ms <= to; ms++) histogram.recordValue(ms * 1000);
  return encodeHistogram(histogram);
}

function row(user: string, overrides: Partial<EndpointStats>): EndpointStats {
  return {
    scenario: '',
    user,
    method: 'POST',
    name: '/login',
    tags: [],
    requests: 50,
    failures: 1,
    rps: 5,
    latency: BASE_LATENCY,
    ttfb: BASE_LATENCY,
    statusCodes: {},
    bytesIn: 5000,
    bytesOut: 0,
    histogram: '',
    ...overrides,
  };
}

function withEndpoints(endpoints: EndpointStats[]): Result {
  const result = fixtureResult();
  result.endpoints = endpoints;
  return result;
}

/** The data rows of `_stats` before Aggregated. */
function statsLines(result: Result): string[] {
  return formatCsvReports(result)._stats.split('\r\n').slice(1, -2);
}

describe('formatCsvReports: percentiles from histograms and merged user classes', () => {
  // 1..100 ms once each: the p-th percentile is p ms (HDR's bucket ends round back to it).
  const ONE_TO_HUNDRED = '50,66,75,80,90,95,98,99,100,100,100';

  it('computes every percentile from a stored histogram', () => {
    const result = withEndpoints([
      row('AuthUser', {
        requests: 100,
        latency: { ...BASE_LATENCY, max: 100, mean: 50.5 },
        histogram: histogramOf(1, 100),
      }),
    ]);
    expect(statsLines(result)).toEqual([
      `POST,/login,100,1,50,50.5,1.0,100.0,50.0,5.0,0.05,${ONE_TO_HUNDRED}`,
    ]);
  });

  it('merges the same method and name across user classes, adding histograms exactly', () => {
    const result = withEndpoints([
      row('AuthUser', { failures: 1, histogram: histogramOf(1, 50) }),
      row('OtherUser', { method: 'GET', name: '/other', requests: 10, failures: 0, rps: 1, bytesIn: 0 }),
      row('AdminUser', {
        failures: 3,
        latency: { ...BASE_LATENCY, min: 51, mean: 75.5, max: 100 },
        histogram: histogramOf(51, 100),
      }),
    ]);
    expect(statsLines(result)).toEqual([
      // 100 requests, 4 failures, 10/s, mean (25.5·50 + 75.5·50) / 100, 10,000 B / 100.
      `POST,/login,100,4,50,50.5,1.0,100.0,100.0,10.0,0.4,${ONE_TO_HUNDRED}`,
      'GET,/other,10,0,25,25.5,1.0,50.0,0.0,1.0,0.0,25,N/A,N/A,N/A,45,48,N/A,50,50,N/A,50',
    ]);
  });

  it('without every histogram a merged row knows only its max among percentiles', () => {
    const result = withEndpoints([
      row('AuthUser', { histogram: histogramOf(1, 50) }),
      row('AdminUser', { latency: { ...BASE_LATENCY, min: 0.5, max: 80 } }),
    ]);
    expect(statsLines(result)).toEqual([`POST,/login,100,2,N/A,25.5,0.5,80.0,100.0,10.0,0.2,${NA(10)},80`]);
  });

  it('treats an unreadable histogram as absent', () => {
    const result = withEndpoints([row('AuthUser', { histogram: 'not-a-histogram' })]);
    expect(statsLines(result)).toEqual([
      'POST,/login,50,1,25,25.5,1.0,50.0,100.0,5.0,0.1,25,N/A,N/A,N/A,45,48,N/A,50,50,N/A,50',
    ]);
  });

  it('writes N/A percentiles and zeros for a row without requests, as Locust does', () => {
    const result = withEndpoints([row('AuthUser', { requests: 0, failures: 0, rps: 0, bytesIn: 0 })]);
    expect(statsLines(result)).toEqual([`POST,/login,0,0,0,0.0,0,0,0,0.0,0.0,${NA(11)}`]);
  });

  it('computes the Aggregated percentiles from the totals histogram', () => {
    const result = fixtureResult();
    result.totals.histogram = histogramOf(1, 100);
    const aggregated = formatCsvReports(result)._stats.split('\r\n').at(-2);
    expect(aggregated).toBe(
      `,Aggregated,4800,46,50,37.08,0.42,12400.0,331.25,160.0,1.5333333333333334,${ONE_TO_HUNDRED}`,
    );
  });
});

describe('formatCsvReports: quoting and merging errors', () => {
  it('quotes names and errors holding commas, quotes and newlines', () => {
    const result = withEndpoints([row('AuthUser', { method: 'GET', name: '/search?q="a,b"' })]);
    result.errors = [
      {
        kind: 'request',
        message: 'bad "thing", again',
        count: 2,
        firstAt: result.startedAt,
        endpoint: 'AuthUser GET /search?q="a,b"',
        key: { scenario: '', user: 'AuthUser', method: 'GET', name: '/search?q="a,b"' },
      },
      {
        kind: 'request',
        message: 'bad "thing", again',
        count: 3,
        firstAt: result.startedAt,
        endpoint: 'AdminUser GET /search?q="a,b"',
        key: { scenario: '', user: 'AdminUser', method: 'GET', name: '/search?q="a,b"' },
      },
      {
        kind: 'task',
        message: 'Error: boom',
        count: 1,
        firstAt: result.startedAt,
        endpoint: 'AuthUser task search, then "post"',
        key: { scenario: '', user: 'AuthUser', method: '', name: 'search' },
      },
    ];
    const reports = formatCsvReports(result);
    expect(reports._stats.split('\r\n')[1]).toMatch(/^GET,"\/search\?q=""a,b""",50,/);
    // The two user classes' identical failures are one Locust row.
    expect(reports._failures).toBe(
      lines(LOCUST_FAILURES_HEADER, 'GET,"/search?q=""a,b""","bad ""thing"", again",5'),
    );
    expect(reports._exceptions).toBe(
      lines(LOCUST_EXCEPTIONS_HEADER, '1,Error: boom,"AuthUser task search, then ""post""",local'),
    );
  });
});

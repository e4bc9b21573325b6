/**
 * `evaluateThreshold` against hand-built rows: each expected figure is worked out below from
 * the samples, so a wrong merge, selector or unit shows up as a wrong number.
 */

import { describe, expect, it } from 'vitest';
import type { MergedStats, StatsSource } from '../../../src/metrics/stats-source.js';
import {
  evaluateThreshold,
  evaluateThresholds,
  parseThresholdExpression,
  parseThresholds,
} from '../../../src/thresholds/index.js';
import { type FakeRow, FakeStatsSource } from './fake-stats-source.js';

const ROWS: FakeRow[] = [
  {
    user: 'AuthUser',
    name: '/api/v1/auth/login',
    method: 'POST',
    tags: ['auth'],
    samples: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    failures: 1,
    checks: { passes: 9, fails: 1 },
  },
  { user: 'AuthUser', name: '/health', method: 'GET', tags: ['smoke'], samples: [5, 5, 5, 5], failures: 0 },
  { user: 'PaymentUser', name: '/api/v1/pay', method: 'POST', samples: [200, 400], failures: 2 },
];
// All 16 samples sorted: 5 5 5 5 10 20 30 40 50 60 70 80 90 100 200 400; sum 1170; 3 failures.
const SECONDS = 4;

function judge(expression: string, rows: FakeRow[] = ROWS, seconds = SECONDS) {
  return evaluateThreshold(parseThresholdExpression(expression), new FakeStatsSource(rows, seconds));
}

/** A source returning fixed figures, for values the rows above cannot produce. */
function fixed(stats: Partial<MergedStats>): StatsSource {
  const base: MergedStats = {
    rows: 1,
    requests: 0,
    failures: 0,
    seconds: 1,
    latency: null,
    checks: { passes: 0, fails: 0 },
  };
  return { select: () => ({ ...base, ...stats }) };
}

function latencyOf(value: number): MergedStats['latency'] {
  return { min: value, max: value, mean: value, percentile: () => value };
}

describe('measured values over every request', () => {
  it.each<[string, number, string, boolean]>([
    ['count>=16', 16, '16', true],
    ['count>16', 16, '16', false],
    ['requests==16', 16, '16', true],
    ['failures<3', 3, '3', false],
    ['failures<=3', 3, '3', true],
    ['successRate>=81.25%', 13 / 16, '81.25%', true],
    ['successRate>81.25%', 13 / 16, '81.25%', false],
    ['errorRate<20%', 3 / 16, '18.75%', true],
    ['failRate<=0.1', 3 / 16, '18.75%', false],
    ['rps==4/s', 4, '4/s', true],
    ['rps>240/m', 4, '4/s', false],
    ['avg<100ms', 1170 / 16, '73.1ms', true],
    ['mean>=73.125', 1170 / 16, '73.13ms', true],
    // 73.1 would pass `<73.12` while 73.125 does not, so the text takes a digit more.
    ['mean<73.12', 1170 / 16, '73.13ms', false],
    ['min==5ms', 5, '5ms', true],
    ['max<0.4s', 400, '400ms', false],
    ['median<=40ms', 40, '40ms', true],
    ['p50<40ms', 40, '40ms', false],
    ['p90<=200ms', 200, '200ms', true],
    ['p80<90ms', 90, '90ms', false],
    ['p95<300ms', 400, '400ms', false],
    ['p(99.9)<=400ms', 400, '400ms', true],
    ['checks>=90%', 9 / 10, '90.00%', true],
    ['checks>90%', 9 / 10, '90.00%', false],
  ])('%s → %s', (expression, actual, actualText, ok) => {
    expect(judge(expression)).toEqual({ expression, ok, actual, actualText, abortOnFail: false });
  });
});

describe('selectors', () => {
  it('merges only the rows of a user class', () => {
    const verdict = judge('AuthUser:successRate>=95%');
    expect(verdict.actual).toBe(13 / 14);
    expect(verdict.actualText).toBe('92.86%');
    expect(verdict.ok).toBe(false);
  });

  it("matches 'METHOD name' and the bare name alike", () => {
    expect(judge('name=GET /health:p99<50ms')).toMatchObject({ ok: true, actual: 5 });
    expect(judge('name=/health:count==4')).toMatchObject({ ok: true, actual: 4 });
    expect(judge('name=POST /health:count>=0')).toMatchObject({ ok: false, actual: null });
  });

  it('combines selector parts', () => {
    expect(judge('tag=smoke,method=GET:max<=5ms')).toMatchObject({ ok: true, actual: 5 });
    expect(judge('method=POST:p50<=60ms')).toMatchObject({ ok: true, actual: 60 });
  });

  it('passes the filter to the source unchanged', () => {
    const source = new FakeStatsSource(ROWS, SECONDS);
    evaluateThreshold(parseThresholdExpression('AuthUser,tag=smoke:p95<1s'), source);
    expect(source.calls).toEqual([
      { filter: { user: 'AuthUser', tag: 'smoke' }, windowMs: undefined, args: 1 },
    ]);
  });

  it('passes the window to the source, and only when there is one', () => {
    const source = new FakeStatsSource(ROWS, SECONDS);
    evaluateThresholds(parseThresholds([{ user: 'A', p95: '<1s', window: '30s' }, 'p95<1s'], 't'), source);
    expect(source.calls).toEqual([
      { filter: { user: 'A' }, windowMs: 30_000, args: 2 },
      { filter: {}, windowMs: undefined, args: 1 },
    ]);
  });

  it('carries abortOnFail and the expression into the verdict', () => {
    const [spec] = parseThresholds(
      [{ user: 'AuthUser', count: '>=14', abortOnFail: true, window: 5 }],
      't',
    );
    expect(evaluateThreshold(spec!, new FakeStatsSource(ROWS, SECONDS))).toEqual({
      expression: 'AuthUser:count>=14 over 5s',
      ok: true,
      actual: 14,
      actualText: '14',
      abortOnFail: true,
    });
  });
});

describe('no data fails, with a note', () => {
  it('when the selector matches no rows', () => {
    expect(judge('Nobody:successRate>=99%')).toEqual({
      expression: 'Nobody:successRate>=99%',
      ok: false,
      actual: null,
      actualText: 'no data',
      abortOnFail: false,
      note: 'no requests matched Nobody (a typo in the selector?)',
    });
  });

  it('even for a condition zero would pass', () => {
    expect(judge('name=/typo:failures<1')).toMatchObject({
      ok: false,
      actual: null,
      note: 'no requests matched name=/typo (a typo in the selector?)',
    });
  });

  it('when nothing was recorded at all, naming the window', () => {
    expect(judge('p95<1s', [])).toMatchObject({ ok: false, actual: null, note: 'no requests were recorded' });
    const [spec] = parseThresholds([{ user: 'Nobody', p95: '<1s', window: '1m' }], 't');
    expect(evaluateThreshold(spec!, new FakeStatsSource(ROWS, SECONDS)).note).toBe(
      'no requests matched Nobody in the last 1m (a typo in the selector?)',
    );
  });

  it('when rows matched but no checks ran', () => {
    expect(judge('PaymentUser:checks>=99%')).toMatchObject({
      ok: false,
      actual: null,
      note: 'no checks matched PaymentUser',
    });
    expect(judge('checks>=99%', [ROWS[1]!])).toMatchObject({ ok: false, note: 'no checks were recorded' });
  });

  it('when rows matched but held no requests (a quiet window), except for counts', () => {
    const quiet = fixed({ rows: 2, requests: 0, failures: 0, seconds: 30, latency: null });
    const [p95, errors, failures, rps] = parseThresholds(
      [{ user: 'A', window: '30s', p95: '<1s', errorRate: '<1%', failures: '<1', rps: '>=0' }],
      't',
    );
    expect(evaluateThreshold(p95!, quiet)).toMatchObject({
      ok: false,
      note: 'no requests matched A in the last 30s',
    });
    expect(evaluateThreshold(errors!, quiet)).toMatchObject({ ok: false, actual: null });
    expect(evaluateThreshold(failures!, quiet)).toMatchObject({ ok: true, actual: 0, actualText: '0' });
    expect(evaluateThreshold(rps!, quiet)).toMatchObject({ ok: true, actual: 0, actualText: '0/s' });
  });

  it('when no time has passed for a rate per second', () => {
    expect(judge('rps>1', ROWS, 0)).toMatchObject({
      ok: false,
      actual: null,
      note: 'no time has elapsed to compute a rate over',
    });
  });
});

describe('floating point', () => {
  it('passes 99 of 100 against >=99% and 1 of 100 against <=1%', () => {
    const rows: FakeRow[] = [
      { user: 'U', name: '/', method: 'GET', samples: new Array(100).fill(1), failures: 1 },
    ];
    expect(judge('successRate>=99%', rows)).toMatchObject({ ok: true, actual: 0.99, actualText: '99.00%' });
    expect(judge('errorRate<=1%', rows)).toMatchObject({ ok: true, actual: 0.01, actualText: '1.00%' });
    expect(judge('successRate>99%', rows).ok).toBe(false);
  });

  it('treats 0.1 + 0.2 as 0.3', () => {
    const source = fixed({ requests: 1, latency: latencyOf(0.1 + 0.2) });
    expect(evaluateThreshold(parseThresholdExpression('avg<=0.3'), source).ok).toBe(true);
    expect(evaluateThreshold(parseThresholdExpression('avg==0.3'), source).ok).toBe(true);
    expect(evaluateThreshold(parseThresholdExpression('avg<0.3'), source).ok).toBe(false);
  });

  it('still tells apart values that really differ', () => {
    const source = fixed({ requests: 100_000, failures: 1_004 });
    const verdict = evaluateThreshold(parseThresholdExpression('successRate>=99%'), source);
    expect(verdict.ok).toBe(false);
    expect(verdict.actual).toBe(98_996 / 100_000);
    // 98.996% rounds to 99.00%, which would contradict the failure; a digit more does not.
    expect(verdict.actualText).toBe('98.996%');
  });
});

describe('actual text', () => {
  it.each<[string, number, string]>([
    ['p95<1s', 0.456, '0.46ms'],
    ['p95<1s', 312.44, '312.4ms'],
    ['p95<5s', 1523.4, '1.52s'],
    // Shown as 2s: on the same side of `<2s` as the real value, so no extra digits.
    ['p95<2s', 2004, '2s'],
    // 2s would fail `<2s` while 1999.6 passes it.
    ['p95<2s', 1999.6, '1.9996s'],
    ['p95<=2s', 2000.4, '2.0004s'],
    ['p95<300.01ms', 300.04, '300.04ms'],
  ])('%s with %s ms reads %s', (expression, value, text) => {
    const source = fixed({ requests: 1, latency: latencyOf(value) });
    expect(evaluateThreshold(parseThresholdExpression(expression), source).actualText).toBe(text);
  });

  it('groups thousands in counts and keeps a decimal in rates per second', () => {
    const source = fixed({ requests: 1234, seconds: 1234 / 120.5 });
    expect(evaluateThreshold(parseThresholdExpression('count>1'), source).actualText).toBe('1,234');
    expect(evaluateThreshold(parseThresholdExpression('rps>1'), source).actualText).toBe('120.5/s');
  });
});

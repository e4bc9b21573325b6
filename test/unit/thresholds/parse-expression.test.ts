/**
 * The string form `[selector:]metric op value`: every metric and alias, every operator, every
 * unit, selectors (names with `:` and `METHOD path`), and the wording of each error.
 */

import { describe, expect, it } from 'vitest';
import { isVolleyError } from '../../../src/errors.js';
import type { ThresholdMetric } from '../../../src/thresholds/index.js';
import { formatSelector, parseThresholdExpression, parseThresholds } from '../../../src/thresholds/index.js';

function errorOf(text: string): { message: string; details: readonly string[]; code: string } {
  try {
    parseThresholdExpression(text);
  } catch (error) {
    if (!isVolleyError(error)) throw error;
    return { message: error.message, details: error.details, code: error.code };
  }
  throw new Error(`expected '${text}' to be rejected`);
}

const P = (percentile: number): ThresholdMetric => ({ kind: 'latency', stat: 'percentile', percentile });

describe('metrics and their units', () => {
  it.each<[string, ThresholdMetric, number]>([
    ['p95<300ms', P(95), 300],
    ['p99<1s', P(99), 1000],
    ['p99.9<1s', P(99.9), 1000],
    ['p(99.9)<1s', P(99.9), 1000],
    ['p( 99.9 )<1s', P(99.9), 1000],
    ['P95<300ms', P(95), 300],
    ['p50<20ms', P(50), 20],
    ['p100<5s', P(100), 5000],
    ['median<50ms', P(50), 50],
    ['med<50ms', P(50), 50],
    ['avg<=200ms', { kind: 'latency', stat: 'avg' }, 200],
    ['mean<=200ms', { kind: 'latency', stat: 'avg' }, 200],
    ['min<5ms', { kind: 'latency', stat: 'min' }, 5],
    ['max<2s', { kind: 'latency', stat: 'max' }, 2000],
    ['max<1m', { kind: 'latency', stat: 'max' }, 60_000],
    ['p95<250us', P(95), 0.25],
    ['p95<250µs', P(95), 0.25],
    ['p95<1s500ms', P(95), 1500],
    // A bare number is milliseconds for latencies, not seconds as for run durations.
    ['p95<300', P(95), 300],
    ['p95<2.5', P(95), 2.5],
    ['successRate>=99%', { kind: 'rate', which: 'success' }, 0.99],
    ['successRate>=0.99', { kind: 'rate', which: 'success' }, 0.99],
    ['successrate>=100%', { kind: 'rate', which: 'success' }, 1],
    ['errorRate<1%', { kind: 'rate', which: 'error' }, 0.01],
    ['failRate<0.5%', { kind: 'rate', which: 'error' }, 0.005],
    ['errorRate<=0', { kind: 'rate', which: 'error' }, 0],
    ['checks>=99%', { kind: 'rate', which: 'checks' }, 0.99],
    ['rps>100/s', { kind: 'rps' }, 100],
    ['rps>100', { kind: 'rps' }, 100],
    ['rps>6000/m', { kind: 'rps' }, 100],
    ['rps>=5/100ms', { kind: 'rps' }, 50],
    ['count>=1000', { kind: 'count', which: 'requests' }, 1000],
    ['requests>=1000', { kind: 'count', which: 'requests' }, 1000],
    ['failures<10', { kind: 'count', which: 'failures' }, 10],
    ['failures==0', { kind: 'count', which: 'failures' }, 0],
  ])('%s', (text, metric, value) => {
    const spec = parseThresholdExpression(text);
    expect(spec.metric).toEqual(metric);
    expect(spec.value).toBeCloseTo(value, 12);
    expect(spec.filter).toEqual({});
    expect(spec.expression).toBe(text);
    expect(spec.abortOnFail).toBe(false);
    expect(spec.windowMs).toBeUndefined();
  });

  it('reads 99.9% as the fraction 0.999', () => {
    expect(parseThresholdExpression('successRate>=99.9%').value).toBeCloseTo(0.999, 12);
  });
});

describe('operators', () => {
  it.each([
    ['p95<300ms', '<'],
    ['p95<=300ms', '<='],
    ['p95>300ms', '>'],
    ['p95>=300ms', '>='],
    ['p95==300ms', '=='],
  ])('%s uses %s', (text, op) => {
    expect(parseThresholdExpression(text).op).toBe(op);
  });

  it('allows spaces around the parts and keeps the trimmed text as the expression', () => {
    const spec = parseThresholdExpression('  AuthUser : p95 <= 300ms  ');
    expect(spec).toMatchObject({ op: '<=', value: 300, filter: { user: 'AuthUser' } });
    expect(spec.expression).toBe('AuthUser : p95 <= 300ms');
  });

  it.each(['=', '!=', '=<', '<>', '==='])("rejects the operator '%s'", (op) => {
    const { details } = errorOf(`p95${op}300ms`);
    expect(details).toEqual([
      `threshold 'p95${op}300ms': unsupported operator '${op}' (use <, <=, >, >= or ==)`,
    ]);
  });

  it('rejects an expression with no operator', () => {
    expect(errorOf('p95 300ms').details).toEqual([
      "threshold 'p95 300ms': no comparison operator (use <, <=, >, >= or ==, e.g. p95<300ms)",
    ]);
  });

  it('rejects an operator with no value', () => {
    expect(errorOf('p95<').details).toEqual([
      "threshold 'p95<': no value given after the operator (e.g. p95<300ms)",
    ]);
  });
});

describe('selectors', () => {
  it('reads a bare word as a user class', () => {
    const spec = parseThresholdExpression('AuthUser:successRate>=99%');
    expect(spec.filter).toEqual({ user: 'AuthUser' });
    expect(spec.metric).toEqual({ kind: 'rate', which: 'success' });
  });

  it("keeps 'METHOD path' whole as the name", () => {
    const spec = parseThresholdExpression('name=GET /health:p99<50ms');
    expect(spec.filter).toEqual({ name: 'GET /health' });
    expect(spec).toMatchObject({ metric: P(99), op: '<', value: 50 });
  });

  it("takes the last ':' before the metric, so names may contain ':'", () => {
    const spec = parseThresholdExpression('name=GET /api/items/:id:p95<300ms');
    expect(spec.filter).toEqual({ name: 'GET /api/items/:id' });
    const urn = parseThresholdExpression('name=urn:a:b:c:count>=1');
    expect(urn.filter).toEqual({ name: 'urn:a:b:c' });
    expect(urn.metric).toEqual({ kind: 'count', which: 'requests' });
  });

  it('reads the condition from the end, so names may contain operator characters', () => {
    const spec = parseThresholdExpression('name=/search?q=a<b:p95<300ms');
    expect(spec.filter).toEqual({ name: '/search?q=a<b' });
    expect(spec).toMatchObject({ op: '<', value: 300 });
  });

  it('combines comma-separated parts and upper-cases the method', () => {
    const spec = parseThresholdExpression('tag=smoke,method=get:p95<100ms');
    expect(spec.filter).toEqual({ tag: 'smoke', method: 'GET' });
    const all = parseThresholdExpression('AuthUser, scenario=checkout ,name=/login,method=POST,tag=a:avg<1s');
    expect(all.filter).toEqual({
      user: 'AuthUser',
      scenario: 'checkout',
      name: '/login',
      method: 'POST',
      tag: 'a',
    });
  });

  it('reads group= (a vu.group() path, nested groups joined with ›) and writes it back in the string form', () => {
    const spec = parseThresholdExpression('group=checkout › pay:p95<2s');
    expect(spec.filter).toEqual({ group: 'checkout › pay' });
    expect(spec).toMatchObject({ metric: P(95), op: '<', value: 2000 });
    expect(formatSelector({ user: 'Buyer', group: 'checkout' })).toBe('Buyer,group=checkout');
    const object = parseThresholds([{ group: 'checkout', p95: '<2s' }], 'scenario');
    expect(object[0]?.filter).toEqual({ group: 'checkout' });
  });

  it('keeps a measure row name with ":" and spaces whole', () => {
    expect(parseThresholdExpression('name=db: insert lease:p95<20ms').filter).toEqual({ name: 'db: insert lease' });
  });

  it('accepts user= as well as a bare word', () => {
    expect(parseThresholdExpression('user=Auth User:p95<1s').filter).toEqual({ user: 'Auth User' });
  });

  it('rejects unknown keys, repeated keys, empty parts and an empty selector', () => {
    expect(errorOf('foo=bar:p95<1s').details).toEqual([
      "threshold 'foo=bar:p95<1s': unknown selector key 'foo' (use user=, name=, method=, tag=, scenario=, group=, protocol=, phase=, or a bare user class name)",
    ]);
    expect(errorOf('user=A,B:p95<1s').details).toEqual([
      "threshold 'user=A,B:p95<1s': selector key 'user' is given twice",
    ]);
    expect(errorOf('A,,tag=x:p95<1s').details).toEqual([
      "threshold 'A,,tag=x:p95<1s': empty part in selector 'A,,tag=x' (use user=, name=, method=, tag=, scenario=, group=, protocol=, phase=, or a bare user class name)",
    ]);
    expect(errorOf('tag=:p95<1s').details).toEqual([
      "threshold 'tag=:p95<1s': selector tag must be a non-empty string, got ''",
    ]);
    expect(errorOf(':p95<1s').details).toEqual([
      "threshold ':p95<1s': nothing before ':' (use user=, name=, method=, tag=, scenario=, group=, protocol=, phase=, or a bare user class name, or drop the ':')",
    ]);
  });

  it('points a bare request name at name=', () => {
    expect(errorOf('GET /health:p95<1s').details).toEqual([
      "threshold 'GET /health:p95<1s': 'GET /health' is not a user class name (for a request name write name=GET /health)",
    ]);
  });
});

describe('errors', () => {
  it('names a value that is not a duration', () => {
    const error = errorOf('p95<abc');
    expect(error.code).toBe('VOLLEY_E_THRESHOLD');
    expect(error.message).toBe("threshold 'p95<abc': 'abc' is not a duration (use 300ms, 1.5s)");
    expect(error.details).toEqual([error.message]);
  });

  it('names an unknown metric and lists the known ones', () => {
    expect(errorOf('foo<1').details).toEqual([
      "threshold 'foo<1': unknown metric 'foo' (use one of count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory)",
    ]);
  });

  it.each([
    ['p95<99%', "'99%' is not a duration (use 300ms, 1.5s)"],
    ['p95<-5ms', "'-5ms' is not a duration (use 300ms, 1.5s)"],
    ['p95<5x', "'5x' is not a duration (use 300ms, 1.5s)"],
    ['successRate>=abc', "'abc' is not a percentage (use 99%, 99.9% or a fraction like 0.99)"],
    ['successRate>=300ms', "'300ms' is not a percentage (use 99%, 99.9% or a fraction like 0.99)"],
    ['successRate>=150%', "'150%' is over 100% (use 99%, 99.9% or a fraction like 0.99)"],
    ['errorRate<5', "'5' is over 100% (use 99%, 99.9% or a fraction like 0.99)"],
    ['rps>100ms', "'100ms' is not a rate (use 100/s, 6000/m or 100)"],
    ['rps>50%', "'50%' is not a rate (use 100/s, 6000/m or 100)"],
    ['rps>100/', "'100/' is not a rate (use 100/s, 6000/m or 100)"],
    ['count>=1.5', "'1.5' is not a whole number (use e.g. 1000)"],
    ['failures<1%', "'1%' is not a whole number (use e.g. 1000)"],
    ['p0<1s', "percentile 0 in 'p0' is out of range (use 0 < N <= 100, e.g. p95, p99.9 or p(99.9))"],
    ['p999<1s', "percentile 999 in 'p999' is out of range (use 0 < N <= 100, e.g. p95, p99.9 or p(99.9))"],
  ])('%s', (text, problem) => {
    expect(errorOf(text).details).toEqual([`threshold '${text}': ${problem}`]);
  });

  it('reports the selector and the metric problems of one expression together', () => {
    const { details, message } = errorOf('bogus=1:latency<1s');
    expect(details).toEqual([
      "threshold 'bogus=1:latency<1s': unknown selector key 'bogus' (use user=, name=, method=, tag=, scenario=, group=, protocol=, phase=, or a bare user class name)",
      "threshold 'bogus=1:latency<1s': unknown metric 'latency' (use one of count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory)",
    ]);
    expect(message).toBe(details.join('\n'));
  });

  it('rejects an empty expression', () => {
    expect(errorOf('   ').details).toEqual(["threshold '': empty threshold (write e.g. p95<300ms)"]);
  });

  it('rejects a missing metric', () => {
    expect(errorOf('AuthUser:<1s').details).toEqual([
      "threshold 'AuthUser:<1s': no metric given (use one of count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory)",
    ]);
  });
});

describe('phase= selectors', () => {
  it('select a phase by its name or the start of it', () => {
    expect(parseThresholdExpression('phase=step 3:p95<300ms').filter).toEqual({ phase: 'step 3' });
  });

  it('stand alone: no other key, no window', () => {
    expect(() => parseThresholdExpression('phase=step 3,user=Reader:p95<300ms')).toThrow(
      /phase= selects a whole phase and cannot be combined with user=/,
    );
    expect(() => parseThresholds([{ phase: 'step 2', p95: '<1s', window: '10s' }], 'scenario')).toThrow(
      /phase= selects a whole phase and cannot have a window/,
    );
  });
});

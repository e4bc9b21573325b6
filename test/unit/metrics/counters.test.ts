/**
 * What the recorder counts besides latency, through Snapshot and RunAggregate: requests,
 * failures, status codes, bytes, rps, markFailed, iterations, and rows shared by several tasks or
 * workers. Every expected figure is summed by hand from the calls made.
 */

import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

describe('counters', () => {
  it('counts requests, failures, status codes and bytes per row, per class and in total', () => {
    const { recorder, at } = manualRecorder();
    const auth = recorder.scope('', 'AuthUser', []);
    const pay = recorder.scope('', 'PaymentUser', []);
    const login = recorder.endpoint(auth, 'POST', '/login');
    const health = recorder.endpoint(auth, 'GET', '/health');
    const charge = recorder.endpoint(pay, 'POST', '/charge');
    for (let i = 0; i < 3; i++) recorder.record(login, 1000, 400, 200, 100, 10, false);
    for (let i = 0; i < 2; i++) recorder.record(login, 2000, 800, 404, 50, 5, true);
    recorder.record(login, 3000, 0, 0, 0, 5, true); // no response: status 0
    recorder.record(login, 500, 100, 999, 1, 1, false); // any three digits have a slot (some sites answer 999)
    recorder.record(health, 100, 50, 200, 2, 0, false);
    recorder.record(charge, 7000, 900, 503, 20, 30, true);
    recorder.iteration();
    recorder.iteration();
    recorder.droppedIteration();
    at(2000);
    const snapshot = recorder.flush(3);
    expect(snapshot).toMatchObject({
      worker: 0,
      fromMs: 0,
      toMs: 2000,
      users: 3,
      iterations: 2,
      droppedIterations: 1,
    });
    const aggregate = new RunAggregate();
    aggregate.add(snapshot);
    expect(aggregate.requests).toBe(9);
    expect(aggregate.failures).toBe(4);
    expect(aggregate.elapsedMs).toBe(2000);

    const measured = aggregate.measured(0, 2000);
    // Sorted by user, then name, then method.
    expect(measured.endpoints.map((e) => `${e.user} ${e.method} ${e.name}`)).toEqual([
      'AuthUser GET /health',
      'AuthUser POST /login',
      'PaymentUser POST /charge',
    ]);
    const loginStats = measured.endpoints[1]!;
    expect(loginStats).toMatchObject({
      requests: 7,
      failures: 3,
      rps: 3.5,
      statusCodes: { '0': 1, '200': 3, '404': 2, '999': 1 },
      bytesIn: 3 * 100 + 2 * 50 + 0 + 1,
      bytesOut: 3 * 10 + 2 * 5 + 5 + 1,
    });
    expect(Object.keys(loginStats.statusCodes)).toEqual(['0', '200', '404', '999']);
    // HDR reports the top of a value's bucket: 3000 µs sits in [3000, 3001] (2 µs wide above 2048).
    expect(loginStats.latency.max).toBe(3.001);
    expect(loginStats.latency.min).toBe(0.5);
    // TTFB 0 is counted as 1 µs.
    expect(loginStats.ttfb.min).toBe(0.001);

    expect(measured.userClasses).toEqual([
      expect.objectContaining({ user: 'AuthUser', requests: 8, failures: 3, bytesIn: 403, bytesOut: 46 }),
      expect.objectContaining({ user: 'PaymentUser', requests: 1, failures: 1, bytesIn: 20, bytesOut: 30 }),
    ]);
    expect(measured.userClasses[0]!.statusCodes).toEqual({ '0': 1, '200': 4, '404': 2, '999': 1 });
    expect(measured.totals).toMatchObject({
      requests: 9,
      failures: 4,
      rps: 4.5,
      bytesIn: 423,
      bytesOut: 76,
      iterations: 2,
      droppedIterations: 1,
      statusCodes: { '0': 1, '200': 4, '404': 2, '503': 1, '999': 1 },
    });
    // 7000 µs sits in [7000, 7003] (4 µs wide above 4096).
    expect(measured.totals.latency.max).toBe(7.003);
  });

  it('starts every interval from zero', () => {
    const { recorder, at } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/');
    recorder.record(row, 10, 5, 200, 1, 1, false);
    recorder.iteration();
    at(1000);
    recorder.flush(1);
    at(2000);
    const empty = recorder.flush(1);
    expect(empty).toMatchObject({
      fromMs: 1000,
      toMs: 2000,
      iterations: 0,
      endpoints: [],
      errors: [],
      checks: [],
    });
  });

  it('markFailed turns a recorded success into a failure, even in a later interval', () => {
    const { recorder, at } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/item');
    recorder.record(row, 1000, 500, 200, 0, 0, false);
    recorder.record(row, 1000, 500, 200, 0, 0, false);
    recorder.markFailed(row);
    at(1000);
    const first = recorder.flush(1);
    expect(first.endpoints[0]).toMatchObject({ requests: 2, failures: 1 });
    // A check that fails after the flush: the row carries the failure alone.
    recorder.markFailed(row);
    at(2000);
    const second = recorder.flush(1);
    expect(second.endpoints).toEqual([
      expect.objectContaining({ requests: 0, failures: 1, latency: '', ttfb: '', statusCodes: {} }),
    ]);
    const aggregate = new RunAggregate();
    aggregate.add(first);
    aggregate.add(second);
    expect(aggregate.measured(0, 2000).endpoints[0]).toMatchObject({ requests: 2, failures: 2 });
  });

  it('gives rps as requests over the measured seconds, to 2 decimals', () => {
    const { recorder, at } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/x');
    for (let i = 0; i < 10; i++) recorder.record(row, 10, 1, 200, 0, 0, false);
    at(1300);
    const aggregate = new RunAggregate();
    aggregate.add(recorder.flush(1));
    // 10 / 1.3 = 7.6923…; a zero-length run has no rate.
    const measured = aggregate.measured(0, 1300);
    expect([measured.endpoints[0]!.rps, measured.userClasses[0]!.rps, measured.totals.rps]).toEqual([
      7.69, 7.69, 7.69,
    ]);
    expect(aggregate.measured(0, 0).totals.rps).toBe(0);
  });

  it('merges rows with the same key from two tasks into one, tags unioned', () => {
    const { recorder, at } = manualRecorder();
    const browse = recorder.scope('', 'Reader', ['browse', 'smoke']);
    const search = recorder.scope('', 'Reader', ['search']);
    const other = recorder.scope('', 'Writer', ['smoke']);
    const a = recorder.endpoint(browse, 'GET', '/items');
    const b = recorder.endpoint(search, 'GET', '/items');
    const c = recorder.endpoint(other, 'GET', '/items');
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // Same scope, same method: the same id again; another method is another row.
    expect(recorder.endpoint(browse, 'GET', '/items')).toBe(a);
    expect(recorder.endpoint(browse, 'POST', '/items')).not.toBe(a);
    recorder.record(a, 1000, 1, 200, 0, 0, false);
    recorder.record(b, 2000, 1, 200, 0, 0, false);
    recorder.record(c, 3000, 1, 200, 0, 0, false);
    at(1000);
    const snapshot = recorder.flush(1);
    expect(snapshot.endpoints.map((e) => [e.key.user, e.requests, [...e.tags].sort()])).toEqual([
      ['Reader', 2, ['browse', 'search', 'smoke']],
      ['Writer', 1, ['smoke']],
    ]);
    const measured = (() => {
      const aggregate = new RunAggregate();
      aggregate.add(snapshot);
      return aggregate.measured(0, 1000);
    })();
    expect(measured.endpoints[0]).toMatchObject({
      user: 'Reader',
      requests: 2,
      tags: ['browse', 'search', 'smoke'],
    });
  });

  it('unions the tags of one row reported by two workers', () => {
    const w0 = manualRecorder(0);
    const w1 = manualRecorder(1);
    const r0 = w0.recorder.endpoint(w0.recorder.scope('', 'Reader', ['x']), 'GET', '/a');
    const r1 = w1.recorder.endpoint(w1.recorder.scope('', 'Reader', ['y']), 'GET', '/a');
    w0.recorder.record(r0, 10, 1, 200, 0, 0, false);
    w1.recorder.record(r1, 10, 1, 200, 0, 0, false);
    w0.at(1000);
    w1.at(1000);
    const aggregate = new RunAggregate();
    aggregate.add(w0.recorder.flush(1));
    aggregate.add(w1.recorder.flush(1));
    expect(aggregate.measured(0, 1000).endpoints).toEqual([
      expect.objectContaining({ user: 'Reader', name: '/a', requests: 2, tags: ['x', 'y'] }),
    ]);
  });

  it('rejects an unknown scope', () => {
    const { recorder } = manualRecorder();
    expect(() => recorder.endpoint(3, 'GET', '/')).toThrow(RangeError);
    expect(() => recorder.check(0, 'ok', true)).toThrow(RangeError);
  });
});

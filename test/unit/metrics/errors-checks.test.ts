/**
 * Errors and checks through IntervalRecorder → Snapshot → RunAggregate: errors grouped by
 * (row, kind, message) with counts and first occurrence (the earliest across intervals and
 * workers), and checks counted per user class. Expected figures are summed from the calls made.
 */

import { describe, expect, it } from 'vitest';
import type { EndpointKey } from '../../../src/metrics/endpoint-key.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

const key = (user: string, method: string, name: string): EndpointKey => ({
  scenario: '',
  user,
  method,
  name,
});

describe('errors and checks', () => {
  it('groups errors by message per row and kind, with counts and first occurrence', () => {
    const startedAt = Date.UTC(2024, 0, 1, 12, 0, 0);
    const w0 = manualRecorder(0);
    const w1 = manualRecorder(1);
    for (const { recorder } of [w0, w1]) {
      const scope = recorder.scope('', 'AuthUser', []);
      recorder.endpoint(scope, 'POST', '/login');
      recorder.endpoint(scope, 'TASK', 'login');
    }
    const login = 0;
    const task = 1;
    w0.at(100);
    w0.recorder.error(login, 'request', 'HTTP 500');
    w0.at(250);
    w0.recorder.error(login, 'request', 'HTTP 500');
    w0.recorder.error(task, 'task', 'HTTP 500'); // same text, other kind: its own group
    w0.at(300);
    w0.recorder.error(login, 'request', 'ECONNRESET');
    w0.at(1000);
    const first = w0.recorder.flush(1);
    expect(first.errors).toEqual([
      {
        key: key('AuthUser', 'POST', '/login'),
        kind: 'request',
        message: 'HTTP 500',
        count: 2,
        firstAtMs: 100,
      },
      { key: key('AuthUser', 'TASK', 'login'), kind: 'task', message: 'HTTP 500', count: 1, firstAtMs: 250 },
      {
        key: key('AuthUser', 'POST', '/login'),
        kind: 'request',
        message: 'ECONNRESET',
        count: 1,
        firstAtMs: 300,
      },
    ]);
    // Next interval: the first occurrence is that interval's own.
    w0.at(1500);
    w0.recorder.error(login, 'request', 'HTTP 500');
    w0.at(2000);
    const second = w0.recorder.flush(1);
    expect(second.errors).toEqual([
      expect.objectContaining({ message: 'HTTP 500', count: 1, firstAtMs: 1500 }),
    ]);
    // Another worker saw ECONNRESET earlier than worker 0 did.
    w1.at(40);
    w1.recorder.error(login, 'request', 'ECONNRESET');
    w1.recorder.error(login, 'request', 'ECONNRESET');
    w1.at(1000);
    const other = w1.recorder.flush(1);

    const aggregate = new RunAggregate();
    for (const snapshot of [first, second, other]) aggregate.add(snapshot);
    const errors = aggregate.measured(startedAt, 2000).errors;
    // Sorted by count (desc), then first occurrence.
    expect(errors).toEqual([
      {
        kind: 'request',
        message: 'ECONNRESET',
        count: 3,
        firstAt: '2024-01-01T12:00:00.040Z',
        endpoint: 'AuthUser POST /login',
        key: key('AuthUser', 'POST', '/login'),
      },
      {
        kind: 'request',
        message: 'HTTP 500',
        count: 3,
        firstAt: '2024-01-01T12:00:00.100Z',
        endpoint: 'AuthUser POST /login',
        key: key('AuthUser', 'POST', '/login'),
      },
      {
        kind: 'task',
        message: 'HTTP 500',
        count: 1,
        firstAt: '2024-01-01T12:00:00.250Z',
        endpoint: 'AuthUser task login',
        key: key('AuthUser', 'TASK', 'login'),
      },
    ]);
  });

  it('keeps a request error and a task error with the same message on one row apart', () => {
    const { recorder, at } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/x');
    recorder.error(row, 'request', 'timeout');
    recorder.error(row, 'task', 'timeout');
    recorder.error(row, 'task', 'timeout');
    at(1000);
    expect(recorder.flush(1).errors.map((e) => [e.kind, e.message, e.count])).toEqual([
      ['request', 'timeout', 1],
      ['task', 'timeout', 2],
    ]);
  });

  it('names errors of a named scenario with its prefix', () => {
    const { recorder, at } = manualRecorder();
    const scope = recorder.scope('checkout', 'Buyer', []);
    recorder.error(recorder.endpoint(scope, 'GET', '/cart'), 'request', 'HTTP 502');
    recorder.error(recorder.endpoint(scope, 'TASK', 'browse'), 'task', 'oops');
    at(1000);
    const aggregate = new RunAggregate();
    aggregate.add(recorder.flush(1));
    expect(aggregate.measured(0, 1000).errors.map((e) => e.endpoint)).toEqual([
      'checkout/Buyer GET /cart',
      'checkout/Buyer task browse',
    ]);
  });

  it('counts checks per user class, shared by its tasks, and totals them', () => {
    const { recorder, at } = manualRecorder();
    const readA = recorder.scope('', 'Reader', ['a']);
    const readB = recorder.scope('', 'Reader', ['b']);
    const write = recorder.scope('', 'Writer', []);
    recorder.check(readA, 'status is 200', true);
    recorder.check(readB, 'status is 200', false);
    recorder.check(readA, 'status is 200', true);
    recorder.check(readB, 'has body', true);
    recorder.check(write, 'status is 200', false);
    at(1000);
    const first = recorder.flush(1);
    recorder.check(readA, 'status is 200', false);
    recorder.check(readB, 'status is 200', true);
    at(2000);
    const second = recorder.flush(1);
    expect(second.checks).toEqual([
      { scenario: '', user: 'Reader', name: 'status is 200', passes: 1, fails: 1 },
    ]);
    const aggregate = new RunAggregate();
    aggregate.add(first);
    aggregate.add(second);
    const measured = aggregate.measured(0, 2000);
    expect(measured.checks).toEqual([
      { scenario: '', user: 'Reader', name: 'has body', passes: 1, fails: 0 },
      { scenario: '', user: 'Reader', name: 'status is 200', passes: 3, fails: 2 },
      { scenario: '', user: 'Writer', name: 'status is 200', passes: 0, fails: 1 },
    ]);
    expect(measured.totals.checks).toEqual({ passes: 4, fails: 3 });
  });
});

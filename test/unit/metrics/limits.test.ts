/**
 * Rows and error groups are bounded: a script naming requests by id, or throwing a unique message
 * per iteration, costs a capped number of rows and groups; every request and error is still
 * counted (under an overflow row or an "other" group), through the recorder and across workers.
 */

import { describe, expect, it } from 'vitest';
import { normalizeErrorMessage, OTHER_ERRORS_MESSAGE } from '../../../src/metrics/error-message.js';
import { MAX_ERROR_GROUPS_PER_ROW, MAX_ROWS, OVERFLOW_NAME } from '../../../src/metrics/limits.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

describe('error message groups', () => {
  it('groups messages that differ in numbers and ids', () => {
    expect(normalizeErrorMessage('user 123 not found')).toBe('user <n> not found');
    expect(normalizeErrorMessage('order 3f2a9c1e-0b7d-4c6e-9a5f-1d2e3f4a5b6c failed')).toBe('order <id> failed');
    expect(normalizeErrorMessage('token 9f86d081884c7d65 expired')).toBe('token <id> expired');
    expect(normalizeErrorMessage('job 17 failed for user 5awdwhxqtjk')).toBe('job <n> failed for user <id>');
  });

  it('keeps an HTTP status apart', () => {
    expect(normalizeErrorMessage('HTTP 503 Service Unavailable')).toBe('HTTP 503 Service Unavailable');
    expect(normalizeErrorMessage('HTTP 504')).not.toBe(normalizeErrorMessage('HTTP 503'));
  });

  it('normalises a normalised message to itself, and cuts long ones', () => {
    const long = `x${'9'.repeat(5000)}`;
    const once = normalizeErrorMessage(long);
    expect(normalizeErrorMessage(once)).toBe(once);
    const text = 'y '.repeat(2000);
    expect(normalizeErrorMessage(text).length).toBeLessThanOrEqual(500);
  });
});

describe('error groups per row', () => {
  it('shows a lone message as it was, and the normalised form once two differ', () => {
    const { recorder } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/users/:id');
    recorder.error(row, 'request', 'user 123 not found');
    expect(recorder.flush(1).errors.map((e) => e.message)).toEqual(['user 123 not found']);
    recorder.error(row, 'request', 'user 456 not found');
    recorder.error(row, 'request', 'user 123 not found');
    const errors = recorder.flush(1).errors;
    expect(errors.map((e) => [e.message, e.count])).toEqual([['user <n> not found', 2]]);
  });

  it('keeps the first groups and counts the rest as other, across two workers merged', () => {
    const aggregate = new RunAggregate();
    let total = 0;
    for (const worker of [0, 1]) {
      const { recorder, at } = manualRecorder(worker);
      const row = recorder.endpoint(recorder.scope('', 'U', []), 'TASK', 'work');
      // Distinct words, not numbers, so normalising cannot group them.
      for (let i = 0; i < 3 * MAX_ERROR_GROUPS_PER_ROW; i++) {
        recorder.error(row, 'task', `failure ${String.fromCharCode(97 + (i % 26))}${'z'.repeat(i)} w${worker === 0 ? 'a' : 'b'}`);
        total++;
      }
      at(1000);
      aggregate.add(recorder.flush(1));
    }
    const { errors } = aggregate.measured(0, 1000);
    expect(errors.length).toBe(MAX_ERROR_GROUPS_PER_ROW + 1);
    expect(errors.reduce((sum, e) => sum + e.count, 0)).toBe(total);
    const other = errors.find((e) => e.message === OTHER_ERRORS_MESSAGE);
    expect(other?.count).toBe(total - (MAX_ERROR_GROUPS_PER_ROW - 0));
  });
});

describe('stats rows', () => {
  it('records names beyond MAX_ROWS under one overflow row per method, and warns', () => {
    const { recorder, at } = manualRecorder();
    const scope = recorder.scope('', 'U', []);
    const extra = 250;
    for (let i = 0; i < MAX_ROWS + extra; i++) {
      const method = i % 2 === 0 ? 'GET' : 'POST';
      recorder.record(recorder.endpoint(scope, method, `/items/${i}`), 1000, 500, 200, 10, 10, false);
    }
    at(1000);
    const aggregate = new RunAggregate();
    aggregate.add(recorder.flush(1));
    const { endpoints, totals } = aggregate.measured(0, 1000);
    expect(totals.requests).toBe(MAX_ROWS + extra);
    expect(endpoints.length).toBe(MAX_ROWS + 2);
    const spilled = endpoints.filter((e) => e.name === OVERFLOW_NAME);
    expect(spilled.map((e) => [e.method, e.requests])).toEqual([
      ['GET', extra / 2],
      ['POST', extra / 2],
    ]);
    expect(aggregate.rowsOverflowed).toBe(true);
  });

  it('caps the rows of several workers merged, counting every request', () => {
    const aggregate = new RunAggregate();
    for (const worker of [0, 1]) {
      const { recorder, at } = manualRecorder(worker);
      const scope = recorder.scope('', 'U', []);
      for (let i = 0; i < MAX_ROWS; i++) {
        recorder.record(recorder.endpoint(scope, 'GET', `/w${worker}/${i}`), 1000, 500, 200, 10, 10, false);
      }
      at(1000);
      aggregate.add(recorder.flush(1));
    }
    const { endpoints, totals } = aggregate.measured(0, 1000);
    expect(totals.requests).toBe(2 * MAX_ROWS);
    expect(endpoints.length).toBe(MAX_ROWS + 1);
    expect(endpoints.find((e) => e.name === OVERFLOW_NAME)?.requests).toBe(MAX_ROWS);
  });
});

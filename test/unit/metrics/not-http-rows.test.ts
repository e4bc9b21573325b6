/**
 * Rows that are not HTTP requests (`vu.measure()`, `vu.group()`) in the recorder: no status code
 * and no time to first byte, bytes counted; and a group's rows kept apart from the same name
 * outside it.
 */

import { describe, expect, it } from 'vitest';
import { endpointKeyId } from '../../../src/metrics/endpoint-key.js';
import { NOT_HTTP_STATUS } from '../../../src/metrics/recorder.js';
import { matchesRow } from '../../../src/metrics/row-filter.js';
import { manualRecorder } from './helpers.js';

describe('rows that are not HTTP', () => {
  it('count a sample, its failure and its bytes, but no status code and no time to first byte', () => {
    const { recorder } = manualRecorder();
    const row = recorder.endpoint(recorder.scope('', 'U', []), 'SQL', 'insert');
    recorder.record(row, 1500, 700, NOT_HTTP_STATUS, 40, 0, false);
    recorder.record(row, 2500, 0, NOT_HTTP_STATUS, 0, 0, true);
    const [entry] = recorder.flush(1).endpoints;
    expect(entry).toMatchObject({ requests: 2, failures: 1, bytesIn: 40, statusCodes: {}, ttfb: '' });
    expect(entry?.latency).not.toBe('');
  });

  it("a group's scope names its rows with the group's path and keeps them apart from the same name outside", () => {
    const { recorder } = manualRecorder();
    const outside = recorder.endpoint(recorder.scope('', 'U', ['t']), 'GET', '/a');
    const inside = recorder.endpoint(recorder.scope('', 'U', ['t'], 'checkout › pay'), 'GET', '/a');
    expect(inside).not.toBe(outside);
    recorder.record(outside, 10, 5, 200, 0, 0, false);
    recorder.record(inside, 10, 5, 200, 0, 0, false);
    const keys = recorder.flush(1).endpoints.map((e) => e.key);
    expect(keys).toEqual([
      { scenario: '', user: 'U', name: '/a', method: 'GET' },
      { scenario: '', user: 'U', name: 'checkout › pay › /a', method: 'GET', group: 'checkout › pay' },
    ]);
    expect(endpointKeyId(keys[0]!)).not.toBe(endpointKeyId(keys[1]!));
  });

  it('group= matches the group and the groups nested in it, not a group whose name only starts alike', () => {
    const tags = new Set<string>();
    const key = (group?: string) => ({ scenario: '', user: 'U', name: 'x', method: 'GET', ...(group === undefined ? {} : { group }) });
    expect(matchesRow({ group: 'checkout' }, key('checkout'), tags)).toBe(true);
    expect(matchesRow({ group: 'checkout' }, key('checkout › pay'), tags)).toBe(true);
    expect(matchesRow({ group: 'checkout' }, key('checkout-v2'), tags)).toBe(false);
    expect(matchesRow({ group: 'checkout' }, key(), tags)).toBe(false);
    expect(matchesRow({ group: 'checkout › pay' }, key('checkout'), tags)).toBe(false);
  });
});

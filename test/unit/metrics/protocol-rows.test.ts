/**
 * Rows of protocols other than HTTP/1.1 (HTTP/2, WebSocket, SSE, gRPC): a row of one method and
 * name per protocol, the protocol in its key, `protocol=` selecting them, and the Protocol column
 * the summary shows once a run has more than HTTP/1.1 rows.
 */

import { describe, expect, it } from 'vitest';
import { endpointKeyId, protocolLabel } from '../../../src/metrics/endpoint-key.js';
import { matchesRow } from '../../../src/metrics/row-filter.js';
import { manualRecorder } from './helpers.js';

describe('protocol rows', () => {
  it('keep GET /a over HTTP/1.1 and over HTTP/2 apart, the protocol in the key', () => {
    const { recorder } = manualRecorder();
    const scope = recorder.scope('', 'U', []);
    const h1 = recorder.endpoint(scope, 'GET', '/a');
    const h2 = recorder.endpoint(scope, 'GET', '/a', 'h2');
    expect(h2).not.toBe(h1);
    expect(recorder.endpoint(scope, 'GET', '/a', 'h2')).toBe(h2);
    recorder.record(h1, 10, 5, 200, 0, 0, false);
    recorder.record(h2, 10, 5, 200, 0, 0, false);
    const keys = recorder.flush(1).endpoints.map((e) => e.key);
    expect(keys).toEqual([
      { scenario: '', user: 'U', name: '/a', method: 'GET' },
      { scenario: '', user: 'U', name: '/a', method: 'GET', protocol: 'h2' },
    ]);
    expect(endpointKeyId(keys[0]!)).not.toBe(endpointKeyId(keys[1]!));
  });

  it('protocol= selects one protocol; http/1.1 selects rows without one', () => {
    const tags = new Set<string>();
    const h1 = { scenario: '', user: 'U', name: '/a', method: 'GET' };
    const ws = { scenario: '', user: 'U', name: '/chat', method: 'WS', protocol: 'ws' };
    expect(matchesRow({ protocol: 'ws' }, ws, tags)).toBe(true);
    expect(matchesRow({ protocol: 'ws' }, h1, tags)).toBe(false);
    expect(matchesRow({ protocol: 'http/1.1' }, h1, tags)).toBe(true);
    expect(matchesRow({ protocol: 'http/1.1' }, ws, tags)).toBe(false);
  });

  it('labels a row by its protocol, an HTTP row without one as HTTP/1.1, and a measure as nothing', () => {
    const key = { scenario: '', user: 'U', name: '/a', method: 'GET' };
    expect(protocolLabel({ ...key, protocol: 'h2' }, true)).toBe('HTTP/2');
    expect(protocolLabel({ ...key, protocol: 'grpc' }, false)).toBe('gRPC');
    expect(protocolLabel(key, true)).toBe('HTTP/1.1');
    expect(protocolLabel({ ...key, method: 'SQL' }, false)).toBe('');
  });
});

describe('name selectors and groups', () => {
  it("take a grouped row's whole name, or its own name in any group", () => {
    const tags = new Set<string>();
    const inGroup = { scenario: '', user: 'U', name: 'checkout › insert order', method: 'SQL', group: 'checkout' };
    const outside = { scenario: '', user: 'U', name: 'insert order', method: 'SQL' };
    for (const name of ['insert order', 'SQL insert order', 'checkout › insert order', 'SQL checkout › insert order'])
      expect(matchesRow({ name }, inGroup, tags), name).toBe(true);
    expect(matchesRow({ name: 'insert order' }, outside, tags)).toBe(true);
    expect(matchesRow({ name: 'checkout › insert order' }, outside, tags)).toBe(false);
    expect(matchesRow({ name: 'order' }, inGroup, tags)).toBe(false);
  });
});

/** The WebSocket client's pure parts: URL resolution and row names, failure messages, timeouts. */

import { describe, expect, it } from 'vitest';
import { abnormalCloseMessage, handshakeFailure, isAbnormalClose } from '../../../src/protocols/ws/ws-failures.js';
import { wsTimeoutMs } from '../../../src/protocols/ws/ws-timeout.js';
import { resolveWsUrl } from '../../../src/protocols/ws/ws-url.js';

describe('resolveWsUrl', () => {
  it('joins a relative URL to the scenario host, its base path too, turning http into ws and https into wss', () => {
    expect(resolveWsUrl('/chat?room=1', 'http://127.0.0.1:8000')).toEqual({
      url: 'ws://127.0.0.1:8000/chat?room=1',
      hostname: '127.0.0.1',
      path: '/chat',
      secure: false,
      name: '/chat',
    });
    expect(resolveWsUrl('/chat', 'https://Api.Example.com/v2/')).toMatchObject({
      url: 'wss://api.example.com/v2/chat',
      hostname: 'api.example.com',
      path: '/v2/chat',
      secure: true,
      name: '/v2/chat',
    });
  });

  it('takes absolute URLs as they are; another origin than the host prefixes the row name', () => {
    expect(resolveWsUrl('ws://127.0.0.1:8000/feed', 'http://127.0.0.1:8000').name).toBe('/feed');
    expect(resolveWsUrl('wss://[::1]:9000/feed?t=1', 'http://127.0.0.1:8000')).toMatchObject({
      url: 'wss://[::1]:9000/feed?t=1',
      hostname: '::1',
      secure: true,
      name: 'wss://[::1]:9000/feed',
    });
    expect(resolveWsUrl('http://127.0.0.1:9/x', undefined)).toMatchObject({ url: 'ws://127.0.0.1:9/x', name: 'ws://127.0.0.1:9/x' });
  });

  it('says what is wrong with a URL it cannot use', () => {
    expect(() => resolveWsUrl('/chat', undefined)).toThrow("relative URL '/chat' needs a base URL");
    expect(() => resolveWsUrl('ftp://h/x', undefined)).toThrow("unsupported scheme in 'ftp://h/x'");
    expect(() => resolveWsUrl('ws://', undefined)).toThrow("invalid URL 'ws://'");
    expect(() => resolveWsUrl('', undefined)).toThrow('expected a URL');
  });
});

describe('failure messages', () => {
  it('groups handshake failures without ids: error codes, statuses, the handshake timeout', () => {
    expect(handshakeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(handshakeFailure(new Error('Unexpected server response: 403'))).toBe('unexpected status 403');
    expect(handshakeFailure(new Error('Opening handshake has timed out'))).toBe('connect timeout');
    expect(handshakeFailure(new Error('Invalid Sec-WebSocket-Accept header'))).toBe('Invalid Sec-WebSocket-Accept header');
    expect(handshakeFailure('odd')).toBe('odd');
  });

  it('calls a close abnormal when it is 1006 or an unasked code other than 1000, 1001, 1005', () => {
    expect([1000, 1001, 1005].map((code) => isAbnormalClose(code, -1))).toEqual([false, false, false]);
    expect(isAbnormalClose(1006, -1)).toBe(true);
    expect(isAbnormalClose(1011, -1)).toBe(true);
    expect(isAbnormalClose(4000, 4000)).toBe(false);
    expect(isAbnormalClose(1006, 1006)).toBe(false);
    expect(isAbnormalClose(1006, 1000)).toBe(true);
    expect(abnormalCloseMessage(1006)).toBe('abnormal close 1006');
  });
});

describe('wsTimeoutMs', () => {
  it('reads seconds and durations, falls back when none is given, refuses the rest', () => {
    expect(wsTimeoutMs(undefined, 60_000, 'x')).toBe(60_000);
    expect(wsTimeoutMs(1.5, 0, 'x')).toBe(1500);
    expect(wsTimeoutMs('250ms', 0, 'x')).toBe(250);
    expect(wsTimeoutMs('250ms', 0, 'x')).toBe(250);
    expect(wsTimeoutMs(0, 5, 'x')).toBe(0);
    expect(() => wsTimeoutMs(-1, 0, 'ws.next()')).toThrow('ws.next(): timeout must be a number of seconds >= 0');
    expect(() => wsTimeoutMs('soon', 0, 'ws.next()')).toThrow("ws.next(): timeout must be a duration like '2s' or '500ms', got soon");
  });
});

/**
 * The pieces a connection is made of: the shared timeout sweep, connect-failure classification,
 * and the target's name in messages.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, isRefused } from '../../../src/protocols/http/connection-error.js';
import { hostPort, readyEvent } from '../../../src/protocols/http/socket-connect.js';
import { SWEEP_MS, track, untrack } from '../../../src/protocols/timeout-sweep.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the timeout sweep', () => {
  it('sweeps every tracked connection each SWEEP_MS, and stops once none is left', () => {
    vi.useFakeTimers();
    const a = { sweeps: 0, sweep() { this.sweeps++; } };
    const b = { sweeps: 0, sweep() { this.sweeps++; } };
    track(a);
    track(b);
    track(a); // tracking twice is tracking once
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(SWEEP_MS * 2);
    expect([a.sweeps, b.sweeps]).toEqual([2, 2]);
    untrack(a);
    vi.advanceTimersByTime(SWEEP_MS);
    expect([a.sweeps, b.sweeps]).toEqual([2, 3]);
    untrack(b);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('connect failures', () => {
  it('tells a refused connect, also inside an AggregateError of refusals only', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(isRefused(refused)).toBe(true);
    expect(isRefused(undefined)).toBe(false);
    expect(isRefused(reset)).toBe(false);
    expect(isRefused(new AggregateError([refused, refused]))).toBe(true);
    expect(isRefused(new AggregateError([refused, reset]))).toBe(false);
    expect(isRefused(new AggregateError([]))).toBe(false);
    const timeout = new ConnectionError('connect timeout', 'VOLLEY_CONNECT_TIMEOUT');
    expect([timeout.name, timeout.code, timeout.message]).toEqual(['ConnectionError', 'VOLLEY_CONNECT_TIMEOUT', 'connect timeout']);
  });

  it('names the target as host:port, IPv6 in brackets, and waits for the TLS handshake on https', () => {
    const target = { host: '::1', port: 8080, secure: true, servername: undefined };
    expect(hostPort(target)).toBe('[::1]:8080');
    expect(hostPort({ ...target, host: '127.0.0.1', secure: false })).toBe('127.0.0.1:8080');
    expect(readyEvent(target)).toBe('secureConnect');
    expect(readyEvent({ ...target, secure: false })).toBe('connect');
  });
});

/**
 * The Host and Origin checks of volley's small HTTP servers: which addresses are loopback, which
 * Host headers name a loopback server, and which Origins a post may come from.
 */

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostProblem, isLoopbackAddress, loopbackHosts, originProblem } from '../../../src/outputs/http-guard.js';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('http guard', () => {
  it('tells loopback addresses from the others', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost'])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['0.0.0.0', '::', '10.0.0.5', '128.0.0.1', '::ffff:10.0.0.1', 'example.com'])
      expect(isLoopbackAddress(address), address).toBe(false);
  });

  it('accepts the loopback names and the bound address with the port, or any Host when told to', () => {
    const hosts = loopbackHosts('127.0.0.2', 8089);
    expect([...hosts].sort()).toEqual(['127.0.0.1:8089', '127.0.0.2:8089', '[::1]:8089', 'localhost:8089']);
    expect(loopbackHosts('::1', 80).has('localhost')).toBe(true);
    expect(hostProblem(req({ host: 'Localhost:8089' }), hosts)).toBeNull();
    expect(hostProblem(req({ host: 'evil.example:8089' }), hosts)).toMatch(/^forbidden/);
    expect(hostProblem(req({}), hosts)).toMatch(/^forbidden/);
    expect(hostProblem(req({ host: 'evil.example' }), null)).toBeNull();
  });

  it('takes a post with no Origin or its own, and refuses another or a null one', () => {
    expect(originProblem(req({ host: '127.0.0.1:8089' }))).toBeNull();
    expect(originProblem(req({ host: '127.0.0.1:8089', origin: 'http://127.0.0.1:8089' }))).toBeNull();
    expect(originProblem(req({ host: '127.0.0.1:8089', origin: 'http://localhost:8089' }))).toMatch(/^forbidden/);
    expect(originProblem(req({ host: '127.0.0.1:8089', origin: 'null' }))).toMatch(/^forbidden/);
    expect(originProblem(req({ host: '127.0.0.1:8089', origin: 'http://evil.example' }))).toMatch(/^forbidden/);
  });
});

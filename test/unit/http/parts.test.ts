import { describe, expect, it } from 'vitest';
import { isSetCookie, parseRawHeaders } from '../../../src/protocols/http/raw-headers.js';
import { formatTimeout, timeoutMs } from '../../../src/protocols/http/timeout.js';
import {
  appendQuery,
  encodeQuery,
  isAbsolute,
  parseOrigin,
  pathStart,
} from '../../../src/protocols/http/url.js';

describe('url', () => {
  it('recognizes absolute http(s) URLs by their scheme, in any case', () => {
    expect(['http://a', 'https://a', 'HTTP://a', 'HttpS://a'].map(isAbsolute)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['/a', 'ftp://a', 'httpx://a', 'http:/a', 'https'].map(isAbsolute)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('splits the origin from the path at the first / ? or #', () => {
    expect(pathStart('http://h:1/a/b?c')).toBe(10);
    expect(pathStart('http://h?c')).toBe(8);
    expect(pathStart('https://h#f')).toBe(9);
    expect(pathStart('http://h')).toBe(8);
  });

  it('parses an origin once: canonical origin, hostname, base path, head bytes', () => {
    const o = parseOrigin('HTTP://Example.COM:80/api/', true);
    expect(o).toEqual({
      origin: 'http://example.com',
      hostname: 'example.com',
      secure: false,
      basePath: '/api',
      headBytes: 8 + 11 + 26,
    });
    expect(parseOrigin('https://[::1]:8443/x', false)).toMatchObject({
      hostname: '::1',
      secure: true,
      basePath: '',
    });
    expect(() => parseOrigin('ftp://x', false)).toThrow(TypeError);
    expect(() => parseOrigin('not a url', false)).toThrow(TypeError);
  });

  it('encodes query values, repeating arrays, and appends to an existing query', () => {
    expect(encodeQuery({ a: 'x y', b: [1, true], c: undefined, d: null, 'k&': 'v=' })).toBe(
      'a=x%20y&b=1&b=true&k%26=v%3D',
    );
    expect(appendQuery('/p', 'a=1')).toBe('/p?a=1');
    expect(appendQuery('/p?x=1', 'a=1')).toBe('/p?x=1&a=1');
    expect(appendQuery('/p?', 'a=1')).toBe('/p?a=1');
    expect(appendQuery('/p', '')).toBe('/p');
  });
});

describe('raw headers', () => {
  it('spots set-cookie by bytes in any case', () => {
    expect(isSetCookie(Buffer.from('Set-Cookie'))).toBe(true);
    expect(isSetCookie(Buffer.from('SET-COOKIE'))).toBe(true);
    expect(isSetCookie(Buffer.from('set-cookiE'))).toBe(true);
    expect(isSetCookie(Buffer.from('set-cookie2'))).toBe(false);
    expect(isSetCookie(Buffer.from('set_cookie'))).toBe(false);
    expect(isSetCookie(Buffer.from('Content-Ty'))).toBe(false);
  });

  it('parses lowercase names, joining repeats except set-cookie', () => {
    const raw = ['Content-Type', 'a/b', 'X-A', '1', 'x-a', '2', 'Set-Cookie', 'c=1'].map((s) =>
      Buffer.from(s),
    );
    expect({ ...parseRawHeaders(raw) }).toEqual({
      'content-type': 'a/b',
      'x-a': '1, 2',
      'set-cookie': ['c=1'],
    });
  });
});

describe('timeout', () => {
  it('parses milliseconds and single-unit durations, rejecting the rest', () => {
    expect([
      timeoutMs(1500),
      timeoutMs('2s'),
      timeoutMs('250ms'),
      timeoutMs('1.5s'),
      timeoutMs('1m'),
      timeoutMs(' 3 s '),
    ]).toEqual([1500, 2000, 250, 1500, 60_000, 3000]);
    expect(() => timeoutMs('soon')).toThrow(TypeError);
    expect(() => timeoutMs(-1)).toThrow(TypeError);
    expect(() => timeoutMs(Number.NaN)).toThrow(TypeError);
  });

  it('formats timeouts for error messages', () => {
    expect([
      formatTimeout(500),
      formatTimeout(2000),
      formatTimeout(1500),
      formatTimeout(120_000),
      formatTimeout(90_000),
    ]).toEqual(['500ms', '2s', '1.5s', '2m', '90s']);
  });
});

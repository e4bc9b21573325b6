import { describe, expect, it } from 'vitest';
import { parseHeaderBlock, setCookieValues } from '../../../src/protocols/http/header-block.js';
import { checkHeader, HeadCache, headerLines, requestHead, wirePath } from '../../../src/protocols/http/request-head.js';
import { timeoutMs } from '../../../src/protocols/http/timeout.js';
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

  it('parses an origin once: canonical origin, hostname, base path, connection target, host lines', () => {
    const o = parseOrigin('HTTP://Example.COM:80/api/', true);
    expect(o).toEqual({
      origin: 'http://example.com',
      hostname: 'example.com',
      secure: false,
      basePath: '/api',
      target: { host: 'example.com', port: 80, secure: false, servername: 'example.com' },
      hostLines: 'host: example.com\r\nconnection: keep-alive\r\n',
    });
    expect(parseOrigin('https://[::1]:8443/x', false)).toMatchObject({
      hostname: '::1',
      secure: true,
      basePath: '',
      target: { host: '::1', port: 8443, secure: true, servername: undefined },
      hostLines: 'host: [::1]:8443\r\nconnection: keep-alive\r\n',
    });
    expect(parseOrigin('https://h.test', false).target.port).toBe(443);
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

describe('header block', () => {
  const block = Buffer.from(
    'Content-Type: a/b\r\nX-A: 1\r\nx-a:2  \r\nSet-Cookie: c=1; Path=/\r\nset-cookie:d=2\nX-Empty:\r\n',
  );

  it('parses lowercase names, joining repeats except set-cookie, trimming values', () => {
    expect({ ...parseHeaderBlock(block) }).toEqual({
      'content-type': 'a/b',
      'x-a': '1, 2',
      'set-cookie': ['c=1; Path=/', 'd=2'],
      'x-empty': '',
    });
  });

  it('reads out the set-cookie values in order, in any case', () => {
    expect(setCookieValues(block)).toEqual(['c=1; Path=/', 'd=2']);
    expect(setCookieValues(Buffer.from('Set-Cookie2: x\r\n'))).toEqual([]);
  });
});

describe('request head', () => {
  it('writes the request line, host lines, headers, length and blank line', () => {
    const lines = headerLines(['accept', '*/*', 'x-id', '7']);
    expect(requestHead('POST', '/a?b=1', 'host: h:1\r\nconnection: keep-alive\r\n', lines, 3)).toBe(
      'POST /a?b=1 HTTP/1.1\r\nhost: h:1\r\nconnection: keep-alive\r\naccept: */*\r\nx-id: 7\r\ncontent-length: 3\r\n\r\n',
    );
    expect(requestHead('GET', '/', '', '', -1)).toBe('GET / HTTP/1.1\r\n\r\n');
  });

  it('percent-encodes what may not go on the wire as is, and nothing else', () => {
    expect(wirePath('/a b/café?q=x y')).toBe('/a%20b/caf%C3%A9?q=x%20y');
    expect(wirePath('/already%20encoded?x=1&y=[2]')).toBe('/already%20encoded?x=1&y=[2]');
  });

  it('refuses header names and values that would break the head', () => {
    expect(() => checkHeader('x-ok', 'fine\tvalue')).not.toThrow();
    expect(() => checkHeader('bad name', 'v')).toThrow(/invalid header name/);
    expect(() => checkHeader('x-inject', 'a\r\nx-evil: 1')).toThrow(/invalid value for header 'x-inject'/);
  });

  it('caches heads by method and path, up to its limit', () => {
    const cache = new HeadCache(2);
    const head = cache.set(0, '/a', 'GET /a HTTP/1.1\r\n\r\n');
    expect(cache.get(0, '/a')).toBe(head);
    expect(cache.get(1, '/a')).toBeUndefined();
    cache.set(0, '/b', 'x');
    expect(cache.set(0, '/c', 'y').toString()).toBe('y');
    expect(cache.get(0, '/c')).toBeUndefined();
  });
});

describe('timeout', () => {
  it('parses seconds (a bare number, as every volley duration) and single-unit durations, rejecting the rest', () => {
    expect([
      timeoutMs(1.5),
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
});

/**
 * Reading a head in place: the status line and the framing headers land in the parser's one
 * `ResponseHead`, refilled for each response; reason phrases decode once per (status, phrase).
 */

import { describe, expect, it } from 'vitest';
import { ReasonPhrases } from '../../../src/protocols/http/reason-phrases.js';
import { ResponseParseError } from '../../../src/protocols/http/response-parse-error.js';
import { readHeaderLines, readStatusLine, ResponseHead } from '../../../src/protocols/http/response-head.js';

const wire = (text: string): Buffer => Buffer.from(text, 'latin1');

function read(text: string, head = new ResponseHead()): ResponseHead {
  const buffer = wire(text);
  readStatusLine(buffer, 0, head);
  readHeaderLines(buffer, buffer.length, head);
  return head;
}

describe('readStatusLine and readHeaderLines', () => {
  it('give the status, version, reason and header-block ranges, and the framing headers', () => {
    const text = 'HTTP/1.0 404 Not Found\r\nContent-Length: 5\r\nConnection: keep-alive\r\nSet-Cookie: a=1\r\n\r\n';
    const head = read(text);
    expect([head.status, head.minor]).toEqual([404, 0]);
    expect(text.slice(head.reasonStart, head.reasonEnd)).toBe('Not Found');
    expect(text.slice(head.blockStart, head.blockEnd)).toBe(
      'Content-Length: 5\r\nConnection: keep-alive\r\nSet-Cookie: a=1\r\n',
    );
    expect(head).toMatchObject({ contentLength: 5, chunked: false, transferEncoding: false, close: false });
    expect(head).toMatchObject({ keepAliveSaid: true, setCookie: true });
  });

  it('starts each head afresh when the object is reused', () => {
    const head = read('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\nSet-Cookie: a\r\n\r\n');
    expect(head).toMatchObject({ chunked: true, transferEncoding: true, close: true, setCookie: true });
    read('HTTP/1.1 204\n\n', head);
    expect(head).toMatchObject({ status: 204, contentLength: -1, chunked: false, transferEncoding: false });
    expect(head).toMatchObject({ close: false, keepAliveSaid: false, setCookie: false });
    expect(head.reasonEnd - head.reasonStart).toBe(0);
    expect(head.blockEnd).toBe(head.blockStart);
  });

  it('refuses what would frame differently elsewhere', () => {
    expect(() => read('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n')).toThrow(
      ResponseParseError,
    );
    expect(() => read('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n')).toThrow(/content-length/);
    expect(() => read('HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\n')).toThrow(/header name/);
    expect(() => read('HTTP/2 200 OK\r\n\r\n')).toThrow(/not an HTTP\/1.x/);
  });
});

describe('ReasonPhrases', () => {
  it('decodes a phrase once and hands back the same string, and a changed phrase anew', () => {
    const reasons = new ReasonPhrases();
    const a = wire('xx OK yy');
    const first = reasons.text(200, a, 3, 5);
    expect(first).toBe('OK');
    expect(reasons.text(200, wire('OK'), 0, 2)).toBe(first);
    expect(reasons.text(404, wire('Not Found'), 0, 9)).toBe('Not Found');
    expect(reasons.text(200, wire('Fine'), 0, 4)).toBe('Fine');
    expect(reasons.text(200, wire('OK'), 0, 2)).toBe('OK');
  });
});

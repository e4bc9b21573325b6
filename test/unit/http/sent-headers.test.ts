/** A slow request's headers are read back from what was sent: the HTTP/1.1 head, or the HTTP/2 block. */

import { describe, expect, it } from 'vitest';
import { headHeaders, sentHttp2Headers } from '../../../src/protocols/http/sent-headers.js';

describe('sent headers', () => {
  it('reads the header lines of an HTTP/1.1 head, lowercased, repeated names joined', () => {
    const head = 'GET /a?b=1 HTTP/1.1\r\nhost: h:1\r\nAuthorization: Bearer X\r\nx-a: 1\r\nx-a: 2\r\n__proto__: p\r\n\r\n';
    const headers = headHeaders(Buffer.from(head, 'latin1'));
    expect(headers).toEqual({ host: 'h:1', authorization: 'Bearer X', 'x-a': '1, 2', ['__proto__']: 'p' });
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(headHeaders(head)).toEqual(headers);
  });

  it('drops the pseudo-headers of an HTTP/2 block and writes values as text', () => {
    expect(sentHttp2Headers({ ':method': 'GET', ':path': '/', accept: ['a', 'b'], 'content-length': 3 })).toEqual({
      accept: 'a, b',
      'content-length': '3',
    });
  });
});

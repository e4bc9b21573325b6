/**
 * Raw HTTP/1.x responses for the differential test: each is sent as is, after which the server
 * closes the connection. Many follow the response cases of llhttp's own test suite
 * (test/response/*.md: sample, content-length, transfer-encoding, connection, invalid,
 * finish), rewritten as whole responses; the rest are what hostile or sloppy servers send.
 */

export interface CorpusCase {
  readonly name: string;
  readonly response: string;
  /** Sent for a HEAD request instead of GET. */
  readonly head?: boolean;
}

const cases: CorpusCase[] = [
  // llhttp sample.md
  { name: 'simple response', response: 'HTTP/1.1 200 OK\r\nHeader1: Value1\r\nHeader2:\t Value2\r\nContent-Length: 0\r\n\r\n' },
  { name: 'error on invalid response start', response: 'HTTPER/1.1 200 OK\r\n\r\n' },
  { name: 'empty body should not trigger spurious span callbacks', response: 'HTTP/1.1 200 OK\r\n\r\n' },
  { name: 'no reason phrase, headers only', response: 'HTTP/1.1 301\r\nContent-Length: 0\r\n\r\n' },
  { name: 'no reason phrase, body until close', response: 'HTTP/1.1 200\r\n\r\nbody' },
  { name: 'empty reason phrase after space', response: 'HTTP/1.1 200 \r\n\r\n' },
  { name: 'no headers and no body', response: 'HTTP/1.1 404 Not Found\r\n\r\n' },
  { name: 'no content-length, no transfer-encoding', response: 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nread until close' },
  {
    name: 'HTTP/1.0 with keep-alive and EOF-terminated 200 status',
    response: 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n',
  },
  { name: 'HTTP/1.0 with keep-alive and 204 status', response: 'HTTP/1.0 204 No content\r\nConnection: keep-alive\r\n\r\n' },
  { name: 'HTTP/1.1 with EOF-terminated 200 status', response: 'HTTP/1.1 200 OK\r\n\r\n' },
  { name: 'HTTP/1.1 with 204 status', response: 'HTTP/1.1 204 No content\r\n\r\n' },
  { name: 'HTTP/1.1 with keep-alive disabled and 204 status', response: 'HTTP/1.1 204 No content\r\nConnection: close\r\n\r\n' },
  { name: 'HTTP/1.1 304 with content-length', response: 'HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n' },
  {
    name: 'HTTP 200 response with Upgrade header',
    response: 'HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nContent-Length: 4\r\n\r\nbody',
  },
  {
    name: 'HTTP 200 response with Upgrade header and chunked body',
    response: 'HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nbo\r\n2\r\ndy\r\n0\r\n\r\n',
  },
  { name: 'underscore in header key', response: 'HTTP/1.1 200 OK\r\nX_Foo: bar\r\nContent-Length: 2\r\n\r\nok' },
  {
    name: 'bonjourmadame.fr (HTTP/1.0 301 keep-alive)',
    response:
      'HTTP/1.0 301 Moved Permanently\r\nDate: Thu, 03 Jun 2010 09:56:32 GMT\r\nServer: Apache/2.2.3 (Red Hat)\r\n' +
      'Cache-Control: public\r\nPragma: \r\nLocation: http://www.bonjourmadame.fr/\r\nVary: Accept-Encoding\r\n' +
      'Content-Length: 0\r\nContent-Type: text/html; charset=UTF-8\r\nConnection: keep-alive\r\n\r\n',
  },
  {
    name: 'spaces in header value',
    response:
      'HTTP/1.1 200 OK\r\nDate: Tue, 28 Sep 2010 01:14:13 GMT\r\nServer: Apache\r\nCache-Control: no-cache, must-revalidate\r\n' +
      'Expires: Mon, 26 Jul 1997 05:00:00 GMT\r\n.et-Cookie: PlaxoCS=1274804622353690521; path=/; domain=.plaxo.com\r\n' +
      'Vary: Accept-Encoding\r\n_eep-Alive: timeout=45\r\n_onnection: Keep-Alive\r\nTransfer-Encoding: chunked\r\n' +
      'Content-Type: text/html\r\nConnection: close\r\n\r\n0\r\n\r\n',
  },
  { name: 'space before the colon of content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\nok' },
  { name: 'spaces in header name', response: 'HTTP/1.1 200 OK\r\nX Foo: bar\r\nContent-Length: 0\r\n\r\n' },
  { name: 'non-ASCII in status line', response: 'HTTP/1.1 500 Oriëntatieprobleem\r\nContent-Length: 0\r\n\r\n' },
  { name: 'HTTP version 0.9', response: 'HTTP/0.9 200 OK\r\n\r\n' },
  { name: 'HTTP version 1.2', response: 'HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'HTTP version 5.6', response: 'HTTP/5.6 200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'HTTP version 2.0', response: 'HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'response starting with CRLF', response: '\r\nHTTP/1.1 200 OK\r\nHeader1: Value1\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'response starting with two CRLFs', response: '\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'extra space between version and status', response: 'HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'extra space between status and reason', response: 'HTTP/1.1 200  OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'one-digit status code', response: 'HTTP/1.1 2 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'two-digit status code', response: 'HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'four-digit status code', response: 'HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'letter in status code', response: 'HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'invalid space after start line', response: 'HTTP/1.1 200 OK\r\n Host: foo\r\nContent-Length: 0\r\n\r\n' },
  { name: 'lowercase protocol name', response: 'http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'garbage instead of a response', response: 'hello world\r\n\r\n' },
  { name: 'empty response', response: '' },
  { name: 'head cut short', response: 'HTTP/1.1 200 OK\r\nContent-Len' },
  { name: 'status line only, cut short', response: 'HTTP/1.1 200 OK\r\n' },

  // llhttp content-length.md
  { name: 'content-length with zeroes', response: 'HTTP/1.1 200 OK\r\nContent-Length: 003\r\n\r\nabc' },
  { name: 'content-length with follow-up headers', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX-After: 1\r\n\r\nabc' },
  { name: 'content-length with surrounding spaces', response: 'HTTP/1.1 200 OK\r\nContent-Length:   3  \r\n\r\nabc' },
  { name: 'invalid character in content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3a\r\n\r\nabc' },
  { name: 'two numbers in content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3 4\r\n\r\nabcd' },
  { name: 'content-length overflow', response: 'HTTP/1.1 200 OK\r\nContent-Length: 1000000000000000000000\r\n\r\n' },
  { name: 'negative content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n' },
  { name: 'signed content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: +3\r\n\r\nabc' },
  { name: 'empty content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n' },
  { name: 'conflicting content-lengths', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd' },
  { name: 'identical duplicate content-lengths', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc' },
  { name: 'content-length body cut short', response: 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc' },
  { name: 'content-length zero', response: 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n' },
  { name: 'content-length-x is not content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length-X: 0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nOK\r\n0\r\n\r\n' },
  { name: 'content-length reset when no body is received (HEAD)', response: 'HTTP/1.1 200 OK\r\nContent-Length: 123\r\n\r\n', head: true },
  { name: 'HEAD with chunked transfer-encoding', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', head: true },
  { name: 'HEAD with neither length nor encoding', response: 'HTTP/1.1 200 OK\r\n\r\n', head: true },
  { name: 'content-length in mixed case', response: 'HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh: 2\r\n\r\nok' },

  // llhttp transfer-encoding.md
  { name: 'chunked', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n' },
  { name: 'chunked with extensions', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ilovew3=somuch\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked with quoted extension', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a="b"\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked with trailers', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nVary: *\r\nContent-Type: text/plain\r\n\r\n' },
  { name: 'chunked, uppercase hex size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n' },
  { name: 'chunked, leading zeros in size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0005\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, invalid size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, empty size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, negative size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, size overflow', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, data longer than its size', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n' },
  { name: 'chunked, cut in a chunk', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel' },
  { name: 'chunked, no last chunk', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n' },
  { name: 'chunked, cut after the last chunk', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n' },
  { name: 'transfer-encoding chunked in mixed case', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: ChUnKeD\r\n\r\n2\r\nok\r\n0\r\n\r\n' },
  { name: 'gzip, chunked is chunked', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n' },
  { name: 'chunked, deflate is read until close', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, deflate\r\n\r\nraw bytes' },
  { name: 'unknown transfer-encoding alone', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nraw bytes' },
  {
    name: 'transfer-encoding and content-length',
    response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n2\r\nok\r\n0\r\n\r\n',
  },
  {
    name: 'content-length and transfer-encoding',
    response: 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n',
  },
  { name: 'two transfer-encoding headers, last chunked', response: 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n' },

  // llhttp connection.md
  { name: 'connection: close with content-length', response: 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'connection: keep-alive with content-length', response: 'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'proxy-connection header', response: 'HTTP/1.1 200 OK\r\nProxy-Connection: close\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'HTTP/1.0 without keep-alive, content-length', response: 'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'HTTP/1.0 without keep-alive, until close', response: 'HTTP/1.0 200 OK\r\n\r\nuntil close' },
  { name: 'connection: close, keep-alive tokens', response: 'HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok' },

  // Interim responses
  { name: '100 continue then 200', response: 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok' },
  {
    name: '103 early hints then 200',
    response: 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
  },
  { name: '100 continue, then close', response: 'HTTP/1.1 100 Continue\r\n\r\n' },

  // Header lines
  { name: 'header without a colon', response: 'HTTP/1.1 200 OK\r\nX-Foo bar\r\nContent-Length: 0\r\n\r\n' },
  { name: 'header with an empty name', response: 'HTTP/1.1 200 OK\r\n: bar\r\nContent-Length: 0\r\n\r\n' },
  { name: 'obsolete line folding', response: 'HTTP/1.1 200 OK\r\nX-Foo: a\r\n  b\r\nContent-Length: 0\r\n\r\n' },
  { name: 'header value with a colon', response: 'HTTP/1.1 200 OK\r\nLocation: http://a:1/b\r\nContent-Length: 0\r\n\r\n' },
  { name: 'empty header value', response: 'HTTP/1.1 200 OK\r\nX-Empty:\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'latin1 bytes in a header value', response: 'HTTP/1.1 200 OK\r\nX-Name: café\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'many headers', response: `HTTP/1.1 200 OK\r\n${Array.from({ length: 90 }, (_, i) => `X-H${i}: ${i}\r\n`).join('')}Content-Length: 2\r\n\r\nok` },
  { name: 'set-cookie headers', response: 'HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2; Path=/\r\nContent-Length: 2\r\n\r\nok' },

  // What hostile or unusual servers send
  { name: 'status 999 (LinkedIn)', response: 'HTTP/1.1 999 Request denied\r\nContent-Length: 6\r\n\r\ndenied' },
  { name: 'status 600', response: 'HTTP/1.1 600 Odd\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'status 099', response: 'HTTP/1.1 099 Odd\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'status 000', response: 'HTTP/1.1 000 Zero\r\nContent-Length: 2\r\n\r\nok' },
  { name: '429 with retry-after', response: 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 4\r\n\r\nslow' },
  { name: '503 with retry-after date', response: 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: Fri, 31 Dec 1999 23:59:59 GMT\r\nContent-Length: 0\r\n\r\n' },
  { name: 'unique reason phrase', response: 'HTTP/1.1 500 request 8f1c2e9a-77 failed at shard 12\r\nContent-Length: 0\r\n\r\n' },
  { name: 'very long reason phrase', response: `HTTP/1.1 200 ${'x'.repeat(2000)}\r\nContent-Length: 2\r\n\r\nok` },
  { name: 'body with NUL bytes', response: 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\na\u0000b' },
  { name: 'body longer than content-length', response: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA' },
  { name: '204 with a body-looking tail', response: 'HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n' },
  { name: 'response with content-encoding gzip header only', response: 'HTTP/1.1 200 OK\r\nContent-Encoding: identity\r\nContent-Length: 2\r\n\r\nok' },
  { name: 'binary junk', response: '\u0000\u0001\u0002\u0003\r\n\r\n' },
  { name: 'HTTP/1.1 response to a HEAD with a body-less 404', response: 'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\n', head: true },
  { name: 'header line with trailing spaces', response: 'HTTP/1.1 200 OK\r\nX-A: b   \r\nContent-Length: 2\r\n\r\nok' },
];

// Every class of status, one response each: whatever the class, a three-digit status is a response.
for (const status of [200, 201, 202, 203, 206, 207, 226, 300, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 410, 418, 422, 451, 500, 501, 502, 504, 505, 599, 700, 899, 950]) {
  cases.push({ name: `status ${status}`, response: `HTTP/1.1 ${status} Reason\r\nContent-Length: 4\r\n\r\nbody` });
}

export const RESPONSE_CORPUS: readonly CorpusCase[] = cases;

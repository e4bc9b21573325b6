import { describe, expect, it } from 'vitest';
import { ResponseParseError } from '../../../src/protocols/http/response-parse-error.js';
import { MAX_HEAD_BYTES, ResponseParser, type ResponseSink } from '../../../src/protocols/http/response-parser.js';

// Wire text is latin1 so that one character is one byte and lengths can be read off the strings.
const wire = (text: string): Buffer => Buffer.from(text, 'latin1');
const byteLength = (text: string): number => Buffer.byteLength(text, 'latin1');

interface ParsedResponse {
  status: number;
  statusText: string;
  headerBlock: string;
  headBytes: number;
  setCookie: boolean;
  body: string;
  /** Undefined while the response is still open (no onResponseEnd yet). */
  keepAlive: boolean | undefined;
}

/**
 * A sink that records what the parser reports and refuses reports out of order (a body or an
 * end outside a response, a head inside one, an empty body piece), and that arms the parser for
 * the next queued request from inside onResponseEnd, as a keep-alive connection does.
 */
class Connection implements ResponseSink {
  readonly parser = new ResponseParser(this);
  readonly responses: ParsedResponse[] = [];
  bodyPieces: Buffer[] = [];
  afterHead: (() => void) | undefined;
  afterBody: ((chunk: Buffer) => void) | undefined;
  private readonly queued: boolean[];
  /** The response between its head and its end; dropped by reset(). */
  private current: ParsedResponse | undefined;

  /** `headRequests`: one entry per request sent on the connection, true for a HEAD request. */
  constructor(headRequests: boolean[] = [false]) {
    this.queued = [...headRequests];
    this.armNext();
  }

  feed(...chunks: (Buffer | string)[]): void {
    for (const chunk of chunks) this.parser.execute(typeof chunk === 'string' ? wire(chunk) : chunk);
  }

  /** Tears the connection down from outside the sink: the open response stays unfinished. */
  reset(): void {
    this.parser.reset();
    this.current = undefined;
  }

  onResponseHead(status: number, statusText: string, headerBlock: Buffer, headBytes: number, setCookie: boolean): void {
    if (this.current !== undefined) throw new Error('a response head while another response is open');
    this.current = {
      status,
      statusText,
      headerBlock: headerBlock.toString('latin1'),
      headBytes,
      setCookie,
      body: '',
      keepAlive: undefined,
    };
    this.responses.push(this.current);
    this.afterHead?.();
  }

  onResponseBody(chunk: Buffer): void {
    const open = this.current;
    if (open === undefined) throw new Error('a body piece outside a response');
    if (chunk.length === 0) throw new Error('an empty body piece');
    open.body += chunk.toString('latin1');
    this.bodyPieces.push(chunk);
    this.afterBody?.(chunk);
  }

  onResponseEnd(keepAlive: boolean): void {
    const open = this.current;
    if (open === undefined) throw new Error('a response end outside a response');
    open.keepAlive = keepAlive;
    this.current = undefined;
    this.armNext();
  }


  private armNext(): void {
    const headRequest = this.queued.shift();
    if (headRequest !== undefined) this.parser.expect(headRequest);
  }
}

/** Feeds `pieces` to a fresh connection (then reports a close when `close`) and returns what it saw. */
function parsePieces(pieces: Buffer[], headRequests: boolean[], close: boolean): ParsedResponse[] {
  const connection = new Connection(headRequests);
  connection.feed(...pieces);
  if (close) {
    const error = connection.parser.finish();
    if (error !== undefined) throw error;
  }
  return connection.responses;
}

/** Copies, so that no piece shares memory with the others or with the original. */
const copy = (data: Buffer, start: number, end = data.length): Buffer => Buffer.from(data.subarray(start, end));

function parseError(run: () => void): ResponseParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResponseParseError) return error;
    throw error;
  }
  throw new Error('expected a ResponseParseError, nothing was thrown');
}

function expectParseError(run: () => void, message?: RegExp): void {
  const error = parseError(run);
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('ResponseParseError');
  expect(error.code).toBe('VOLLEY_HTTP_PARSE');
  if (message !== undefined) expect(error.message).toMatch(message);
}

/** One complete response on a fresh connection, fed in one piece. */
function parseOne(text: string, headRequest = false): ParsedResponse {
  const connection = new Connection([headRequest]);
  connection.feed(text);
  expect(connection.responses).toHaveLength(1);
  return connection.responses[0] as ParsedResponse;
}

const SIMPLE_HEAD =
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nX-Request-Id: abc\r\n\r\n';
const SIMPLE = `${SIMPLE_HEAD}Hello, world!`;
const SIMPLE_PARSED: ParsedResponse = {
  status: 200,
  statusText: 'OK',
  headerBlock: 'Content-Type: text/plain\r\nContent-Length: 13\r\nX-Request-Id: abc\r\n',
  headBytes: byteLength(SIMPLE_HEAD),
  setCookie: false,
  body: 'Hello, world!',
  keepAlive: true,
};

const CHUNKED_HEAD = 'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\n\r\n';
const CHUNKED =
  CHUNKED_HEAD +
  '5;foo=bar\r\nhello\r\n' +
  'A\r\n0123456789\r\n' +
  '1a\r\nabcdefghijklmnopqrstuvwxyz\r\n' +
  '1A;ext="q;r"\r\nABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n' +
  // Chunk data that looks like line ends and a blank line must stay data.
  '7\r\na\r\n\r\nbc\r\n' +
  '0\r\nX-Trailer: yes\r\nX-Other: 2\r\n\r\n';
const CHUNKED_PARSED: ParsedResponse = {
  status: 201,
  statusText: 'Created',
  headerBlock: 'Transfer-Encoding: chunked\r\nSet-Cookie: a=1\r\n',
  headBytes: byteLength(CHUNKED_HEAD),
  setCookie: true,
  body: 'hello0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZa\r\n\r\nbc',
  keepAlive: true,
};

const BARE_LF_HEAD = 'HTTP/1.1 200 OK\nContent-Length: 4\nX-A: b\n\n';
const BARE_LF_PARSED: ParsedResponse = {
  status: 200,
  statusText: 'OK',
  headerBlock: 'Content-Length: 4\nX-A: b\n',
  headBytes: byteLength(BARE_LF_HEAD),
  setCookie: false,
  body: 'abcd',
  keepAlive: true,
};

const BARE_LF_CHUNKED_HEAD = 'HTTP/1.1 200 OK\ntransfer-encoding: chunked\n\n';
const BARE_LF_CHUNKED_PARSED: ParsedResponse = {
  status: 200,
  statusText: 'OK',
  headerBlock: 'transfer-encoding: chunked\n',
  headBytes: byteLength(BARE_LF_CHUNKED_HEAD),
  setCookie: false,
  body: 'hiyou',
  keepAlive: true,
};

const EARLY_HINTS = 'HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n';
const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

const NOT_MODIFIED_HEAD = 'HTTP/1.1 304 Not Modified\r\nETag: "x"\r\nContent-Length: 1234\r\n\r\n';
const HEAD_RESPONSE_HEAD = 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n';
const CLOSING_HEAD = 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\n';

const UNTIL_CLOSE_HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n';

interface WireCase {
  name: string;
  data: string;
  /** One entry per request on the connection: true for HEAD. */
  headRequests: boolean[];
  /** Whether the peer closes after the data (a read-until-close body). */
  close: boolean;
  expected: ParsedResponse[];
}

const WIRE_CASES: WireCase[] = [
  { name: 'a content-length response', data: SIMPLE, headRequests: [false], close: false, expected: [SIMPLE_PARSED] },
  {
    name: 'a chunked response with extensions and trailers',
    data: CHUNKED,
    headRequests: [false],
    close: false,
    expected: [CHUNKED_PARSED],
  },
  {
    name: 'a content-length response with bare LF line ends',
    data: `${BARE_LF_HEAD}abcd`,
    headRequests: [false],
    close: false,
    expected: [BARE_LF_PARSED],
  },
  {
    name: 'a chunked response with bare LF line ends',
    data: `${BARE_LF_CHUNKED_HEAD}2\nhi\n3;x\nyou\n0\nT: 1\n\n`,
    headRequests: [false],
    close: false,
    expected: [BARE_LF_CHUNKED_PARSED],
  },
  {
    name: 'interim 100 and 103 responses before a content-length response',
    data: CONTINUE + EARLY_HINTS + SIMPLE,
    headRequests: [false],
    close: false,
    expected: [SIMPLE_PARSED],
  },
  {
    name: 'a body read until the connection closes',
    data: `${UNTIL_CLOSE_HEAD}until\r\n\r\nclose`,
    headRequests: [false],
    close: true,
    expected: [
      {
        status: 200,
        statusText: 'OK',
        headerBlock: 'Content-Type: text/plain\r\n',
        headBytes: byteLength(UNTIL_CLOSE_HEAD),
        setCookie: false,
        body: 'until\r\n\r\nclose',
        keepAlive: false,
      },
    ],
  },
  {
    name: 'two responses back to back (content-length, then chunked)',
    data: SIMPLE + CHUNKED,
    headRequests: [false, false],
    close: false,
    expected: [SIMPLE_PARSED, CHUNKED_PARSED],
  },
  {
    name: 'six responses back to back (chunked, 103 + content-length, 304, HEAD, bare LF, close)',
    data: `${CHUNKED}${EARLY_HINTS}${SIMPLE}${NOT_MODIFIED_HEAD}${HEAD_RESPONSE_HEAD}${BARE_LF_HEAD}abcd${CLOSING_HEAD}bye`,
    headRequests: [false, false, false, true, false, false],
    close: false,
    expected: [
      CHUNKED_PARSED,
      SIMPLE_PARSED,
      {
        status: 304,
        statusText: 'Not Modified',
        headerBlock: 'ETag: "x"\r\nContent-Length: 1234\r\n',
        headBytes: byteLength(NOT_MODIFIED_HEAD),
        setCookie: false,
        body: '',
        keepAlive: true,
      },
      {
        status: 200,
        statusText: 'OK',
        headerBlock: 'Content-Length: 100\r\n',
        headBytes: byteLength(HEAD_RESPONSE_HEAD),
        setCookie: false,
        body: '',
        keepAlive: true,
      },
      BARE_LF_PARSED,
      {
        status: 200,
        statusText: 'OK',
        headerBlock: 'Connection: close\r\nContent-Length: 3\r\n',
        headBytes: byteLength(CLOSING_HEAD),
        setCookie: false,
        body: 'bye',
        keepAlive: false,
      },
    ],
  },
];

describe('ResponseParser: a simple response', () => {
  it('reports status, reason, header block as sent, head size on the wire, body and keep-alive', () => {
    const connection = new Connection();
    connection.feed(SIMPLE);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
    expect(connection.parser.busy).toBe(false);
    expect(connection.parser.started).toBe(false);
  });

  it('reports nothing before the head is complete, and no end before the body is', () => {
    const connection = new Connection();
    connection.feed(SIMPLE_HEAD.slice(0, -1));
    expect(connection.responses).toEqual([]);
    connection.feed('\nHello');
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, body: 'Hello', keepAlive: undefined }]);
    connection.feed(', world!');
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('hands the body on as views of the chunk it was read from', () => {
    const connection = new Connection();
    const chunk = wire(SIMPLE);
    connection.feed(chunk);
    expect(connection.bodyPieces).toHaveLength(1);
    const piece = connection.bodyPieces[0] as Buffer;
    expect(piece.buffer).toBe(chunk.buffer);
    expect(piece.byteOffset).toBe(chunk.byteOffset + byteLength(SIMPLE_HEAD));
  });

  it('keeps no hold on a read buffer the caller reuses after execute() returns', () => {
    // A socket read with a fixed buffer (`onread`) refills the same memory: bytes carried over
    // from one read to the next (a head, a chunk-size line) must not be views of it.
    const connection = new Connection([false, false]);
    const readBuffer = Buffer.alloc(64);
    const read = (text: string): void => {
      readBuffer.fill(0x7a);
      const length = readBuffer.write(text, 'latin1');
      connection.feed(readBuffer.subarray(0, length));
    };
    const chunkedText = `${CHUNKED}${SIMPLE}`;
    for (let at = 0; at < chunkedText.length; at += 37) read(chunkedText.slice(at, at + 37));
    expect(connection.responses).toEqual([CHUNKED_PARSED, SIMPLE_PARSED]);
  });

  it('reports the header block of a head with no header lines as empty', () => {
    const response = parseOne('HTTP/1.1 204 No Content\r\n\r\n');
    expect(response.headerBlock).toBe('');
    expect(response.headBytes).toBe(byteLength('HTTP/1.1 204 No Content\r\n\r\n'));
  });

  it('decodes the reason phrase as latin1, byte for byte', () => {
    expect(parseOne('HTTP/1.1 200 Tr\xe8s bien\r\ncontent-length: 0\r\n\r\n').statusText).toBe('Tr\xe8s bien');
  });

  it('keeps the reason phrase whole, spaces included', () => {
    expect(parseOne('HTTP/1.1 404 Not  Found Here\r\ncontent-length: 0\r\n\r\n').statusText).toBe('Not  Found Here');
  });
});

describe('ResponseParser: every split point', () => {
  for (const wireCase of WIRE_CASES) {
    describe(wireCase.name, () => {
      const data = wire(wireCase.data);
      const parse = (pieces: Buffer[]): ParsedResponse[] => parsePieces(pieces, wireCase.headRequests, wireCase.close);

      it('parses in one piece', () => {
        expect(parse([copy(data, 0)])).toEqual(wireCase.expected);
      });

      it('parses the same when split in two at every byte', () => {
        for (let at = 0; at <= data.length; at++) {
          expect(parse([copy(data, 0, at), copy(data, at)]), `split at ${at}`).toEqual(wireCase.expected);
        }
      });

      it('parses the same in one-byte pieces', () => {
        const pieces = Array.from({ length: data.length }, (_, at) => copy(data, at, at + 1));
        expect(parse(pieces)).toEqual(wireCase.expected);
      });

      it('parses the same when split in three at every pair of bytes', () => {
        // Bounded so the quadratic sweep stays quick; the long cases are covered by the two above.
        if (data.length > 400) return;
        for (let first = 1; first < data.length; first++) {
          for (let second = first + 1; second < data.length; second++) {
            const pieces = [copy(data, 0, first), copy(data, first, second), copy(data, second)];
            expect(parse(pieces), `split at ${first} and ${second}`).toEqual(wireCase.expected);
          }
        }
      });
    });
  }
});

describe('ResponseParser: chunked', () => {
  const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';

  it('ignores chunk extensions', () => {
    const response = parseOne(`${head}5;foo=bar\r\nhello\r\n3 ; a=1;b="x;y"\r\nabc\r\n0;last\r\n\r\n`);
    expect(response.body).toBe('helloabc');
    expect(response.keepAlive).toBe(true);
  });

  it('reads sizes in hex, upper and lower case, with leading zeros', () => {
    const data16 = '0123456789abcdef';
    const data26 = 'abcdefghijklmnopqrstuvwxyz';
    const response = parseOne(`${head}A\r\n${data16.slice(0, 10)}\r\nf\r\n${data16.slice(0, 15)}\r\n1A\r\n${data26}\r\n001a\r\n${data26}\r\n0\r\n\r\n`);
    expect(response.body).toBe(data16.slice(0, 10) + data16.slice(0, 15) + data26 + data26);
  });

  it('reads a chunk that spans many reads', () => {
    const big = 'x'.repeat(100_000);
    const connection = new Connection();
    connection.feed(`${head}${(100_000).toString(16)}\r\n`);
    for (let at = 0; at < big.length; at += 7_000) connection.feed(big.slice(at, at + 7_000));
    connection.feed('\r\n0\r\n\r\n');
    expect(connection.responses[0]?.body).toBe(big);
    expect(connection.responses[0]?.keepAlive).toBe(true);
  });

  it('ends only after the blank line that follows the trailers, and keeps trailers out of body and head', () => {
    const connection = new Connection();
    connection.feed(`${head}3\r\nabc\r\n0\r\nX-Checksum: 1\r\nX-More: 2\r\n`);
    expect(connection.responses[0]?.keepAlive).toBeUndefined();
    expect(connection.parser.busy).toBe(true);
    connection.feed('\r\n');
    expect(connection.responses).toEqual([
      {
        status: 200,
        statusText: 'OK',
        headerBlock: 'Transfer-Encoding: chunked\r\n',
        headBytes: byteLength(head),
        setCookie: false,
        body: 'abc',
        keepAlive: true,
      },
    ]);
  });

  it('does not end at the last chunk before its closing blank line arrives', () => {
    const connection = new Connection();
    connection.feed(`${head}0\r\n`);
    expect(connection.responses[0]?.keepAlive).toBeUndefined();
    connection.feed('\r\n');
    expect(connection.responses[0]?.keepAlive).toBe(true);
  });

  it('treats `gzip, chunked` as chunked (the last coding decides), leaving the bytes compressed', () => {
    const response = parseOne('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n4\r\n\x1f\x8b\x08\x00\r\n0\r\n\r\n');
    expect(response.body).toBe('\x1f\x8b\x08\x00');
    expect(response.keepAlive).toBe(true);
  });

  it('reads the transfer-encoding name and value in any case', () => {
    const response = parseOne('HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(response.body).toBe('ok');
    expect(response.keepAlive).toBe(true);
  });

  it('reads `chunked, gzip` (chunked not last) until the connection closes', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(connection.responses[0]?.keepAlive).toBeUndefined();
    connection.feed('more');
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses[0]?.body).toBe('2\r\nok\r\n0\r\n\r\nmore');
    expect(connection.responses[0]?.keepAlive).toBe(false);
  });

  it('lets the last of several transfer-encoding headers decide', () => {
    const chunked = parseOne('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(chunked.body).toBe('ok');
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\nraw');
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses[0]?.body).toBe('raw');
    expect(connection.responses[0]?.keepAlive).toBe(false);
  });

  for (const sizeLine of ['zz', '', '-1', '0x5', ' 5', '5 x', '5\r', 'fffffffffffffff']) {
    it(`refuses the chunk size ${JSON.stringify(sizeLine)}`, () => {
      const connection = new Connection();
      expectParseError(() => connection.feed(`${head}${sizeLine}\r\nhello\r\n0\r\n\r\n`), /chunk size/);
    });
  }

  it('refuses chunk data longer than its size', () => {
    const connection = new Connection();
    expectParseError(() => connection.feed(`${head}3\r\nhello\r\n0\r\n\r\n`), /longer than its size/);
  });

  it('refuses chunk data longer than its size when the excess arrives in a later read', () => {
    const connection = new Connection();
    connection.feed(`${head}3\r\nhel`);
    expectParseError(() => connection.feed('lo\r\n0\r\n\r\n'), /longer than its size/);
  });

  it('refuses a chunk-size line over 4 KiB', () => {
    const connection = new Connection();
    connection.feed(`${head}5;`);
    expectParseError(() => connection.feed('x'.repeat(5000)), /4 KiB/);
  });
});

describe('ResponseParser: responses without a body', () => {
  it('ends a response to a HEAD request at its head, whatever its content-length', () => {
    const connection = new Connection([true, false]);
    connection.feed(`${HEAD_RESPONSE_HEAD}${SIMPLE}`);
    expect(connection.responses).toEqual([
      {
        status: 200,
        statusText: 'OK',
        headerBlock: 'Content-Length: 100\r\n',
        headBytes: byteLength(HEAD_RESPONSE_HEAD),
        setCookie: false,
        body: '',
        keepAlive: true,
      },
      SIMPLE_PARSED,
    ]);
  });

  it('ends a chunked response to a HEAD request at its head', () => {
    const response = parseOne('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', true);
    expect(response.body).toBe('');
    expect(response.keepAlive).toBe(true);
  });

  it('ends a response to a HEAD request without any length at its head, keeping the connection', () => {
    const response = parseOne('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n', true);
    expect(response.keepAlive).toBe(true);
  });

  for (const head of [
    'HTTP/1.1 204 No Content\r\n\r\n',
    'HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n',
    'HTTP/1.1 304 Not Modified\r\n\r\n',
    'HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\n\r\n',
    'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
    'HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n',
  ]) {
    it(`ends ${JSON.stringify(head.split('\r\n').slice(0, -2).join(' | '))} at its head`, () => {
      const connection = new Connection([false, false]);
      // The next response right behind it shows the parser did not wait for body bytes.
      connection.feed(head + SIMPLE);
      expect(connection.responses).toHaveLength(2);
      expect(connection.responses[0]?.body).toBe('');
      expect(connection.responses[0]?.keepAlive).toBe(true);
      expect(connection.responses[0]?.headBytes).toBe(byteLength(head));
      expect(connection.responses[1]).toEqual(SIMPLE_PARSED);
    });
  }
});

describe('ResponseParser: a body read until the connection closes', () => {
  it('reads a body with neither content-length nor transfer-encoding until finish()', () => {
    const connection = new Connection();
    connection.feed(`${UNTIL_CLOSE_HEAD}some`, ' more');
    expect(connection.responses[0]?.keepAlive).toBeUndefined();
    expect(connection.parser.busy).toBe(true);
    expect(connection.parser.started).toBe(true);
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses[0]?.body).toBe('some more');
    expect(connection.responses[0]?.keepAlive).toBe(false);
    expect(connection.parser.busy).toBe(false);
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses).toHaveLength(1);
  });

  it('ends an empty body read until close', () => {
    const connection = new Connection();
    connection.feed(UNTIL_CLOSE_HEAD);
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses[0]?.body).toBe('');
    expect(connection.responses[0]?.keepAlive).toBe(false);
  });

  it('does not keep the connection even when the server says keep-alive', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n\r\nbody');
    connection.parser.finish();
    expect(connection.responses[0]?.keepAlive).toBe(false);
  });

  it('reads an HTTP/1.0 body until close', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.0 200 OK\r\n\r\nold');
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses[0]?.body).toBe('old');
    expect(connection.responses[0]?.keepAlive).toBe(false);
  });
});

describe('ResponseParser: keep-alive', () => {
  const cases: [string, string, boolean][] = [
    ['HTTP/1.1 by default', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 with connection: close', 'HTTP/1.1 200 OK\r\nconnection: close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection:close (no space)', 'HTTP/1.1 200 OK\r\nconnection:close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with Connection: Close', 'HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with CONNECTION: CLOSE', 'HTTP/1.1 200 OK\r\nCONNECTION: CLOSE\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection: keep-alive', 'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 with connection: upgrade, close', 'HTTP/1.1 200 OK\r\nconnection: upgrade, close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection: close,upgrade', 'HTTP/1.1 200 OK\r\nconnection: close,upgrade\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection: keep-alive, close', 'HTTP/1.1 200 OK\r\nconnection: keep-alive, close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection: \\t close \\t', 'HTTP/1.1 200 OK\r\nconnection: \t close \t\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.1 with connection: closed (not the token)', 'HTTP/1.1 200 OK\r\nconnection: closed\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 with connection: upgrade', 'HTTP/1.1 200 OK\r\nconnection: upgrade\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 with x-connection: close (another header)', 'HTTP/1.1 200 OK\r\nX-Connection: close\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.0 by default', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 with connection: keep-alive', 'HTTP/1.0 200 OK\r\nconnection: keep-alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.0 with Connection: Keep-Alive', 'HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.0 with connection: close', 'HTTP/1.0 200 OK\r\nconnection: close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 chunked with keep-alive', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', true],
    ['a 204 with connection: close', 'HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n', false],
  ];
  for (const [name, text, keepAlive] of cases) {
    it(`${keepAlive ? 'keeps' : 'closes'} the connection for ${name}`, () => {
      expect(parseOne(text).keepAlive).toBe(keepAlive);
    });
  }

  it('reports keep-alive per response on one connection', () => {
    const connection = new Connection([false, false, false]);
    connection.feed(
      'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
      'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n',
    );
    expect(connection.responses.map((response) => response.keepAlive)).toEqual([false, true, false]);
  });

  // Fails against the parser as written: see the report. A later `Connection: keep-alive` line
  // undoes an earlier `Connection: close`, though RFC 9112 §9.6 says `close` anywhere in the
  // connection options means the connection does not persist.
  it('closes when `close` is among several connection header lines, whatever their order', () => {
    expect(parseOne('HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parseOne('HTTP/1.1 200 OK\r\nConnection: close\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
  });
});

describe('ResponseParser: interim (1xx) responses', () => {
  it('skips 100 Continue and reports the real response once', () => {
    const connection = new Connection();
    connection.feed(CONTINUE + SIMPLE);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('skips 103 Early Hints with its headers; the real head has only its own headers and size', () => {
    const connection = new Connection();
    connection.feed(EARLY_HINTS + SIMPLE);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('skips several interim responses arriving in separate reads', () => {
    const connection = new Connection();
    connection.feed(CONTINUE);
    expect(connection.responses).toEqual([]);
    expect(connection.parser.busy).toBe(true);
    connection.feed(EARLY_HINTS, EARLY_HINTS, 'HTTP/1.1 102 Processing\r\n\r\n');
    expect(connection.responses).toEqual([]);
    connection.feed(SIMPLE);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('skips interim responses to a HEAD request too', () => {
    const connection = new Connection([true]);
    connection.feed(CONTINUE + HEAD_RESPONSE_HEAD);
    expect(connection.responses).toHaveLength(1);
    expect(connection.responses[0]?.status).toBe(200);
    expect(connection.responses[0]?.body).toBe('');
  });

  it('refuses 101 Switching Protocols', () => {
    const connection = new Connection();
    expectParseError(
      () => connection.feed('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
      /101/,
    );
    expect(connection.responses).toEqual([]);
  });

  // Fails against the parser as written: see the report. After a whole interim response the
  // parser is back in its initial state, so it says nothing has arrived and a close reads as
  // "the server closed the connection" -- a connection that retries unstarted requests would
  // resend a request the server has already answered with 100 Continue.
  it('counts a received interim response as a started response', () => {
    const connection = new Connection();
    connection.feed(CONTINUE);
    expect(connection.parser.started).toBe(true);
    const error = connection.parser.finish();
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error?.message).not.toBe('the server closed the connection');
  });
});

describe('ResponseParser: lenient parsing', () => {
  it('accepts bare LF line ends', () => {
    expect(parseOne(`${BARE_LF_HEAD}abcd`)).toEqual(BARE_LF_PARSED);
  });

  it('accepts a mix of CRLF and bare LF line ends', () => {
    const head = 'HTTP/1.1 200 OK\nContent-Length: 2\r\nX-A: b\n\r\n';
    const response = parseOne(`${head}ok`);
    expect(response.headerBlock).toBe('Content-Length: 2\r\nX-A: b\n');
    expect(response.headBytes).toBe(byteLength(head));
    expect(response.body).toBe('ok');
  });

  for (const statusLine of ['HTTP/1.1 200\r\n', 'HTTP/1.1 200 \r\n', 'HTTP/1.1 200\n']) {
    it(`reports an empty reason phrase for ${JSON.stringify(statusLine)}`, () => {
      const eol = statusLine.endsWith('\r\n') ? '\r\n' : '\n';
      const head = `${statusLine}Content-Length: 2${eol}${eol}`;
      const response = parseOne(`${head}ok`);
      expect(response.status).toBe(200);
      expect(response.statusText).toBe('');
      expect(response.headerBlock).toBe(`Content-Length: 2${eol}`);
      expect(response.headBytes).toBe(byteLength(head));
      expect(response.body).toBe('ok');
    });
  }

  it('trims spaces and tabs around header values for framing, and reports the lines as sent', () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length:   5 \t \r\nConnection: \t keep-alive  \r\n\r\n';
    const connection = new Connection([false, false]);
    connection.feed(`${head}hello${SIMPLE}`);
    expect(connection.responses[0]).toEqual({
      status: 200,
      statusText: 'OK',
      headerBlock: 'Content-Length:   5 \t \r\nConnection: \t keep-alive  \r\n',
      headBytes: byteLength(head),
      setCookie: false,
      body: 'hello',
      keepAlive: true,
    });
    expect(connection.responses[1]).toEqual(SIMPLE_PARSED);
  });

  it('reads framing header names in any case', () => {
    expect(parseOne('HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh: 3\r\n\r\nabc').body).toBe('abc');
  });

  it('accepts a content-length with leading zeros', () => {
    expect(parseOne('HTTP/1.1 200 OK\r\nContent-Length: 003\r\n\r\nabc').body).toBe('abc');
  });

  it('accepts repeated equal content-lengths', () => {
    const connection = new Connection([false, false]);
    connection.feed(`HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhello${SIMPLE}`);
    expect(connection.responses[0]?.body).toBe('hello');
    expect(connection.responses[1]).toEqual(SIMPLE_PARSED);
  });

  it('accepts a colon inside a header value', () => {
    const response = parseOne('HTTP/1.1 200 OK\r\nLocation: http://a:1/b\r\nContent-Length: 0\r\n\r\n');
    expect(response.headerBlock).toBe('Location: http://a:1/b\r\nContent-Length: 0\r\n');
  });
});

describe('ResponseParser: what real servers send', () => {
  // Node's client and browsers take any three digits; some large sites answer 999.
  for (const status of [999, 600, 99, 0]) {
    const digits = String(status).padStart(3, '0');
    it(`accepts status ${digits} as a final response with its body`, () => {
      const response = parseOne(`HTTP/1.1 ${digits} Odd\r\nContent-Length: 2\r\n\r\nhi`);
      expect(response.status).toBe(status);
      expect(response.statusText).toBe('Odd');
      expect(response.body).toBe('hi');
    });
  }

  it('ignores empty lines before the status line (RFC 9112 §2.2)', () => {
    for (const lead of ['\r\n', '\n', '\r\n\r\n']) {
      const response = parseOne(`${lead}HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi`);
      expect(response.status).toBe(200);
      expect(response.body).toBe('hi');
    }
  });

  it('ignores a stray CRLF after a response, before the next', () => {
    const connection = new Connection([false, false]);
    connection.feed('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi\r\n');
    connection.feed('HTTP/1.1 201 OK\r\nContent-Length: 0\r\n\r\n');
    expect(connection.responses.map((r) => r.status)).toEqual([200, 201]);
  });
});

describe('ResponseParser: strict parsing', () => {
  const badHeads: [string, string][] = [
    ['garbage', 'hello\r\n\r\n'],
    ['HTTP/2', 'HTTP/2 200 OK\r\n\r\n'],
    ['HTTP/1.2', 'HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['HTTP/2.0', 'HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['a lowercase protocol name', 'http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['a two-digit status', 'HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n'],
    ['a four-digit status', 'HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n'],
    ['a non-digit in the status', 'HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n'],
    ['no space after the version', 'HTTP/1.1-200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['a tab instead of the space before the reason', 'HTTP/1.1 200\tOK\r\nContent-Length: 0\r\n\r\n'],
    ['conflicting content-lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'],
    ['content-length then transfer-encoding', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n'],
    ['transfer-encoding then content-length', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n'],
    ['a non-numeric content-length', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n'],
    ['a negative content-length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
    ['a signed content-length', 'HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello'],
    ['a hex content-length', 'HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n'],
    ['an empty content-length', 'HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n'],
    ['two numbers in one content-length', 'HTTP/1.1 200 OK\r\nContent-Length: 5 6\r\n\r\n'],
    ['a content-length of 16 digits', 'HTTP/1.1 200 OK\r\nContent-Length: 1000000000000000\r\n\r\n'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nX-Foo bar\r\nContent-Length: 0\r\n\r\n'],
    ['a header line with an empty name', 'HTTP/1.1 200 OK\r\n: bar\r\nContent-Length: 0\r\n\r\n'],
    ['a colon only on the next line', 'HTTP/1.1 200 OK\r\nX-Foo bar\r\nX-Bar: baz\r\n\r\n'],
    ['obsolete line folding with a space', 'HTTP/1.1 200 OK\r\nX-Foo: a\r\n  b\r\nContent-Length: 0\r\n\r\n'],
    ['obsolete line folding with a tab', 'HTTP/1.1 200 OK\r\nX-Foo: a\r\n\tb\r\nContent-Length: 0\r\n\r\n'],
    ['a first header line starting with a space', 'HTTP/1.1 200 OK\r\n Content-Length: 0\r\n\r\n'],
  ];
  for (const [name, text] of badHeads) {
    it(`refuses ${name}`, () => {
      const connection = new Connection();
      expectParseError(() => connection.feed(text));
      expect(connection.responses).toEqual([]);
    });
  }

  it('refuses a malformed head that arrives in pieces', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n');
    expectParseError(() => connection.feed('Content-Length: 6\r\n\r\nhello!'), /content-length/);
  });

  it('names the offending bytes in the error', () => {
    expectParseError(() => new Connection().feed('hello\r\n\r\n'), /hello/);
    expectParseError(() => new Connection().feed('HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n'), /abc/);
    expectParseError(() => new Connection().feed('HTTP/1.1 200 OK\r\nX-Foo bar\r\n\r\n'), /X-Foo bar/);
  });
});

describe('ResponseParser: the head size limit', () => {
  /** A head of exactly `size` bytes. */
  function headOfSize(size: number): string {
    const skeleton = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Big: \r\n\r\n';
    return `HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Big: ${'a'.repeat(size - byteLength(skeleton))}\r\n\r\n`;
  }

  function inPieces(text: string, pieceSize: number): Buffer[] {
    const data = wire(text);
    const pieces: Buffer[] = [];
    for (let at = 0; at < data.length; at += pieceSize) pieces.push(copy(data, at, at + pieceSize));
    return pieces;
  }

  it('accepts a head of exactly MAX_HEAD_BYTES, whole and in pieces', () => {
    const head = headOfSize(MAX_HEAD_BYTES);
    expect(byteLength(head)).toBe(MAX_HEAD_BYTES);
    expect(parseOne(head).headBytes).toBe(MAX_HEAD_BYTES);
    expect(parsePieces(inPieces(head, 1000), [false], false)[0]?.headBytes).toBe(MAX_HEAD_BYTES);
  });

  it('refuses a head one byte over MAX_HEAD_BYTES arriving whole', () => {
    const connection = new Connection();
    expectParseError(() => connection.feed(headOfSize(MAX_HEAD_BYTES + 1)), /KiB/);
    expect(connection.responses).toEqual([]);
  });

  it('refuses a head over MAX_HEAD_BYTES arriving in pieces, with its end', () => {
    const connection = new Connection();
    expectParseError(() => connection.feed(...inPieces(headOfSize(MAX_HEAD_BYTES + 1), 1000)), /KiB/);
    expect(connection.responses).toEqual([]);
  });

  it('refuses a head that never ends once it is over MAX_HEAD_BYTES, arriving in small pieces', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nX-Big: ');
    let fed = byteLength('HTTP/1.1 200 OK\r\nX-Big: ');
    const piece = wire('a'.repeat(100));
    const error = parseError(() => {
      for (;;) {
        connection.parser.execute(piece);
        fed += piece.length;
        if (fed > 2 * MAX_HEAD_BYTES) return;
      }
    });
    expect(error.message).toMatch(/KiB/);
    // Refused on the piece that took it over the limit, not later.
    expect(fed).toBeLessThanOrEqual(MAX_HEAD_BYTES);
    expect(fed + piece.length).toBeGreaterThan(MAX_HEAD_BYTES);
  });

  it('refuses a head that never ends once it is over MAX_HEAD_BYTES, arriving whole', () => {
    const connection = new Connection();
    expectParseError(() => connection.feed(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(MAX_HEAD_BYTES)}`), /KiB/);
  });

  it('counts only the head against the limit, not the body behind it in the same read', () => {
    const body = 'b'.repeat(2 * MAX_HEAD_BYTES);
    const response = parseOne(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(response.body).toBe(body);
  });
});

describe('ResponseParser: idle and reset', () => {
  it('refuses data when no request is waiting', () => {
    const parser = new ResponseParser(new Connection([]));
    expect(parser.busy).toBe(false);
    expectParseError(() => parser.execute(wire(SIMPLE)), /no request waiting/);
  });

  it('refuses data after the response it was armed for', () => {
    const connection = new Connection();
    connection.feed(SIMPLE);
    expectParseError(() => connection.feed('x'), /no request waiting/);
  });

  it('refuses data in the same read right behind the response it was armed for', () => {
    const connection = new Connection();
    expectParseError(() => connection.feed(`${SIMPLE}HTTP/1.1 200 OK\r\n\r\n`), /no request waiting/);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('ignores bytes after reset() until the next expect(), then parses afresh', () => {
    const connection = new Connection();
    connection.feed(SIMPLE.slice(0, SIMPLE.length - 4));
    connection.reset();
    expect(connection.parser.busy).toBe(false);
    expect(connection.parser.started).toBe(false);
    connection.feed('rld!', 'garbage that is not HTTP\r\n\r\n');
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, body: 'Hello, wo', keepAlive: undefined }]);
    expect(connection.parser.finish()).toBeUndefined();
    connection.parser.expect(false);
    connection.feed(CHUNKED);
    expect(connection.responses.slice(1)).toEqual([CHUNKED_PARSED]);
  });

  it('drops a half-read head on reset()', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 500 Broken\r\nX-Half: ');
    connection.reset();
    connection.parser.expect(false);
    expect(connection.parser.started).toBe(false);
    connection.feed(SIMPLE);
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('drops a half-read chunk-size line on reset()', () => {
    const connection = new Connection();
    connection.feed(`${CHUNKED_HEAD}1`);
    connection.reset();
    connection.parser.expect(false);
    connection.feed(SIMPLE);
    expect(connection.responses.slice(1)).toEqual([SIMPLE_PARSED]);
  });

  it('reports nothing more when the sink resets from onResponseHead', () => {
    const connection = new Connection();
    connection.afterHead = () => connection.parser.reset();
    connection.feed(SIMPLE, 'more bytes');
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, body: '', keepAlive: undefined }]);
    expect(connection.parser.busy).toBe(false);
  });

  it('reports nothing more when the sink resets from onResponseHead of a bodiless response', () => {
    const connection = new Connection([true]);
    connection.afterHead = () => connection.parser.reset();
    connection.feed(HEAD_RESPONSE_HEAD);
    expect(connection.responses[0]?.keepAlive).toBeUndefined();
    expect(connection.parser.busy).toBe(false);
  });

  it('reports nothing more when the sink resets from onResponseBody with body bytes still to come', () => {
    const connection = new Connection();
    connection.afterBody = () => connection.parser.reset();
    connection.feed(SIMPLE.slice(0, -1), '!', 'more bytes');
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, body: 'Hello, world', keepAlive: undefined }]);
    expect(connection.parser.busy).toBe(false);
  });

  // Fails against the parser as written: see the report. The content-length branch of execute()
  // calls end() after onResponseBody without checking whether the sink reset the parser.
  it('reports no end when the sink resets from onResponseBody on the last body bytes', () => {
    const connection = new Connection();
    connection.afterBody = () => connection.parser.reset();
    connection.feed(SIMPLE);
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, keepAlive: undefined }]);
    expect(() => connection.feed('ignored after reset')).not.toThrow();
  });

  // Fails against the parser as written: see the report. The chunk-data branch of execute()
  // moves to the chunk-end state after onResponseBody without checking whether the sink reset.
  it('ignores the rest when the sink resets from onResponseBody at the end of a chunk', () => {
    const connection = new Connection();
    connection.afterBody = () => connection.parser.reset();
    connection.feed(`${CHUNKED_HEAD}5\r\nhello`);
    expect(connection.parser.busy).toBe(false);
    expect(() => connection.feed('\r\nnot a chunk size\r\n')).not.toThrow();
    expect(connection.responses[0]?.body).toBe('hello');
  });
});

describe('ResponseParser: finish()', () => {
  it('returns undefined when idle, before and after a response', () => {
    const connection = new Connection([]);
    expect(connection.parser.finish()).toBeUndefined();
    connection.parser.expect(false);
    connection.feed(SIMPLE);
    expect(connection.parser.finish()).toBeUndefined();
    expect(connection.responses).toEqual([SIMPLE_PARSED]);
  });

  it('reports a close before any byte of the response', () => {
    const connection = new Connection();
    expect(connection.parser.busy).toBe(true);
    expect(connection.parser.started).toBe(false);
    const error = connection.parser.finish();
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error?.message).toBe('the server closed the connection');
    expect(connection.parser.busy).toBe(false);
    expect(connection.parser.finish()).toBeUndefined();
  });

  it('counts the response as started from its first byte', () => {
    const connection = new Connection();
    expect(connection.parser.started).toBe(false);
    connection.feed('H');
    expect(connection.parser.started).toBe(true);
    connection.feed(SIMPLE.slice(1, byteLength(SIMPLE_HEAD)));
    expect(connection.parser.started).toBe(true);
    connection.feed('Hello, world!');
    expect(connection.parser.started).toBe(false);
  });

  it('reports a close in the middle of the head', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 200 OK\r\nContent-Le');
    const error = connection.parser.finish();
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error?.message).toMatch(/head/);
    expect(connection.responses).toEqual([]);
    expect(connection.parser.busy).toBe(false);
  });

  it('reports a close in the middle of a content-length body, without an end', () => {
    const connection = new Connection();
    connection.feed(`${SIMPLE_HEAD}Hello`);
    const error = connection.parser.finish();
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error?.message).toMatch(/body/);
    expect(connection.responses).toEqual([{ ...SIMPLE_PARSED, body: 'Hello', keepAlive: undefined }]);
    expect(connection.parser.busy).toBe(false);
  });

  for (const [where, cut] of [
    ['a chunk-size line', `${CHUNKED_HEAD}5`],
    ['chunk data', `${CHUNKED_HEAD}5\r\nhel`],
    ['the line end after chunk data', `${CHUNKED_HEAD}5\r\nhello\r`],
    ['the trailers', `${CHUNKED_HEAD}0\r\nX-T: 1\r\n`],
    ['the head-end of a chunked body', CHUNKED_HEAD],
  ] as const) {
    it(`reports a close in ${where} of a chunked body`, () => {
      const connection = new Connection();
      connection.feed(cut);
      expect(connection.parser.started).toBe(true);
      const error = connection.parser.finish();
      expect(error).toBeInstanceOf(ResponseParseError);
      expect(error?.message).toMatch(/body/);
      expect(connection.responses[0]?.keepAlive).toBeUndefined();
    });
  }
});

describe('ResponseParser: set-cookie', () => {
  for (const [line, expected] of [
    ['Set-Cookie: a=1', true],
    ['set-cookie: a=1', true],
    ['SET-COOKIE: a=1', true],
    ['sEt-CoOkIe:a=1', true],
    ['Set-Cookie2: a=1', false],
    ['X-Set-Cookie: a=1', false],
    ['Cookie: a=1', false],
    ['X-Note: set-cookie', false],
  ] as const) {
    it(`reports setCookie ${expected} for ${JSON.stringify(line)}`, () => {
      expect(parseOne(`HTTP/1.1 200 OK\r\n${line}\r\nContent-Length: 0\r\n\r\n`).setCookie).toBe(expected);
    });
  }

  it('reports setCookie false for a head without header lines', () => {
    expect(parseOne('HTTP/1.1 204 No Content\r\n\r\n').setCookie).toBe(false);
  });

  it('reports setCookie per response, not carried over', () => {
    const connection = new Connection([false, false]);
    connection.feed('HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    expect(connection.responses.map((response) => response.setCookie)).toEqual([true, false]);
  });

  it('does not take a set-cookie of an interim response for the real one', () => {
    const connection = new Connection();
    connection.feed('HTTP/1.1 103 Early Hints\r\nSet-Cookie: a=1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    expect(connection.responses[0]?.setCookie).toBe(false);
  });
});

describe('ResponseParser: reason phrases', () => {
  it('reports each reason phrase of responses with the same status', () => {
    const phrases = ['OK', 'Fine', 'OK', '', 'Okay then', 'OK', 'OKAY', 'Ok'];
    const connection = new Connection(phrases.map(() => false));
    for (const phrase of phrases) {
      const statusLine = phrase === '' ? 'HTTP/1.1 200\r\n' : `HTTP/1.1 200 ${phrase}\r\n`;
      connection.feed(`${statusLine}Content-Length: 0\r\n\r\n`);
    }
    expect(connection.responses.map((response) => response.statusText)).toEqual(phrases);
  });

  it('reports the right phrase for a response split across reads after a cached one', () => {
    const connection = new Connection([false, false]);
    connection.feed('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    connection.feed('HTTP/1.1 404 Not Fou', 'nd At All\r\nContent-Length: 0\r\n\r\n');
    expect(connection.responses.map((response) => response.statusText)).toEqual(['Not Found', 'Not Found At All']);
  });

  it('reports the right phrases past the number of statuses it remembers', () => {
    const statuses = Array.from({ length: 150 }, (_, i) => 200 + i);
    const connection = new Connection([...statuses, ...statuses].map(() => false));
    for (const status of statuses) connection.feed(`HTTP/1.1 ${status} First ${status}\r\nContent-Length: 0\r\n\r\n`);
    for (const status of statuses) connection.feed(`HTTP/1.1 ${status} Second ${status}\r\nContent-Length: 0\r\n\r\n`);
    expect(connection.responses.map((response) => response.statusText)).toEqual([
      ...statuses.map((status) => `First ${status}`),
      ...statuses.map((status) => `Second ${status}`),
    ]);
  });
});

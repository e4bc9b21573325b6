// A hostile HTTP/1.1 target on 127.0.0.1 for the soak: a raw `node:net` server that answers
// each request by its path, often badly. Paths: /ok, /gzip (a gzipped JSON body), /close and
// /reset (drop the connection after reading the request), /stall (never answer), /drip (a body
// a few bytes at a time), /huge (an 8 MB body), /flood (a 40 MB chunked body), /unique (a 500
// with a reason phrase never seen before), /429 (with Retry-After), /999, /malformed (a bad
// chunk size); and, for repros rather than the soak's mix, /endless (a chunked body that never
// ends) and /close-second (answers the first request of a connection, then closes each
// connection after reading its second). It counts the requests it read in full.

import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok';
const JSON_BODY = gzipSync(Buffer.from(JSON.stringify({ items: Array.from({ length: 500 }, (_, i) => ({ id: i })) })));
const GZIP = Buffer.concat([
  Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: ${JSON_BODY.length}\r\n\r\n`),
  JSON_BODY,
]);
const FILL = Buffer.alloc(64 * 1024, 0x61);

export async function startHostileTarget() {
  let requests = 0;
  let unique = 0;
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    let onConnection = 0;
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = pending.toString('latin1', 0, end);
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        pending = pending.subarray(end + 4 + length);
        requests++;
        const path = head.split(' ')[1] ?? '/';
        if (path.startsWith('/close-second')) {
          if (onConnection++ === 0) socket.write(OK);
          else socket.end();
          continue;
        }
        answer(socket, path, () => unique++);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(socket, path, next) {
  if (socket.destroyed) return;
  switch (path) {
    case '/gzip':
      return socket.write(GZIP);
    case '/close':
      return socket.end();
    case '/reset':
      return socket.resetAndDestroy();
    case '/stall':
      return;
    case '/drip':
      return drip(socket, 'HTTP/1.1 200 OK\r\ncontent-length: 20\r\n\r\n01234567890123456789');
    case '/huge':
      socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${8 * 1024 * 1024}\r\n\r\n`);
      return pump(socket, 8 * 1024 * 1024, false);
    case '/flood':
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
      return pump(socket, 40 * 1024 * 1024, true);
    case '/endless':
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
      return pump(socket, Number.POSITIVE_INFINITY, true);
    case '/unique':
      return socket.write(`HTTP/1.1 500 failure ${next()} at ${Date.now()}\r\ncontent-length: 0\r\n\r\n`);
    case '/429':
      return socket.write('HTTP/1.1 429 Too Many Requests\r\nretry-after: 1\r\ncontent-length: 4\r\n\r\nslow');
    case '/999':
      return socket.write('HTTP/1.1 999 Request denied\r\ncontent-length: 0\r\n\r\n');
    case '/malformed':
      return socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n');
    default:
      return socket.write(OK);
  }
}

function drip(socket, text) {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text.slice(at, at + 8));
    at += 8;
  }, 50);
}

function pump(socket, total, chunked) {
  let left = total;
  const more = () => {
    while (left > 0 && !socket.destroyed) {
      const piece = left >= FILL.length ? FILL : FILL.subarray(0, left);
      left -= piece.length;
      let ok;
      if (chunked) {
        socket.write(`${piece.length.toString(16)}\r\n`);
        socket.write(piece);
        ok = socket.write('\r\n');
      } else {
        ok = socket.write(piece);
      }
      if (!ok) return void socket.once('drain', more);
    }
    if (left === 0 && chunked && !socket.destroyed) socket.write('0\r\n\r\n');
  };
  more();
}

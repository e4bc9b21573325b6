// A target that notices the first request of each connection's generator: the start-up bench
// runs it in its own process and reads the generator's /proc figures the moment the first
// request arrives, before answering it.
import { createServer } from 'node:http';

/** Resolves with `{ url, onFirst(callback), close }`; `callback()` runs once per arm. */
export function startFirstRequestTarget() {
  let pending = null;
  const server = createServer((req, res) => {
    req.resume();
    if (pending !== null) {
      const callback = pending;
      pending = null;
      callback();
    }
    res.end('ok');
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        /** Arms the target: `callback` runs on the next request to arrive. */
        onFirst: (callback) => {
          pending = callback;
        },
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

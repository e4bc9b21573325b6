/**
 * A target with nothing listening: every request fails, counted, with a message that says so,
 * and the connection backs off between connects instead of retrying in a tight loop.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/protocols/http/index.js';
import { FakeRecorder } from '../unit/http/fake-recorder.js';
import { closedPort } from '../unit/http/test-server.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a refused connection', () => {
  it('backs off: a user looping for one second makes a handful of connects, each a counted failure', async () => {
    const port = await closedPort();
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, recorder, connections: 1 });
    cleanups.push(() => http.destroy());
    const until = performance.now() + 1000;
    let sent = 0;
    while (performance.now() < until) {
      const res = await http.get('/');
      sent++;
      expect(res.status).toBe(0);
      expect(res.error?.message).toBe(`connection refused: nothing is listening on 127.0.0.1:${port}`);
    }
    // Waits of 5, 10, 20 … 640 ms fill the second after at most nine connects; without the
    // backoff a loopback refusal takes well under a millisecond and this loop makes thousands.
    expect(sent).toBeLessThanOrEqual(10);
    expect(recorder.records).toHaveLength(sent);
    expect(recorder.records.every((r) => r.failed)).toBe(true);
  });
});

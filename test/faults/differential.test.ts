/**
 * The same raw responses, sent to volley's client and to `node:http` (llhttp): both must agree on
 * whether the request failed and, when it did not, on the status and the body. A short list names
 * the cases where volley differs on purpose, with why; a case on that list must still differ, so
 * the list cannot go stale.
 */

import { request as nodeRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/protocols/http/index.js';
import { FakeRecorder } from '../unit/http/fake-recorder.js';
import { type HostileServer, startHostileServer } from './hostile-server.js';
import { RESPONSE_CORPUS } from './response-corpus.js';

/** What a client made of a response: an error, or a status and body. */
type Outcome = { error: true } | { error: false; status: number; body: string };

/** Where volley deliberately differs from llhttp, and why. */
const DELIBERATE: Readonly<Record<string, string>> = {
  // volley speaks HTTP/1.x only: another version on its connection means a wrong target or port.
  'HTTP version 0.9': 'only HTTP/1.0 and HTTP/1.1 status lines are taken',
  'HTTP version 2.0': 'only HTTP/1.0 and HTTP/1.1 status lines are taken',
  // RFC 9110 §8.6 lets a recipient take identical repeats: the framing is not in doubt.
  'identical duplicate content-lengths': 'repeated equal content-lengths are one length',
  // The response is whole at its content-length; the junk after it ends the connection, not the
  // response already received (llhttp reads it as a next response that is malformed).
  'body longer than content-length': 'bytes past a complete response drop the connection only',
};

let server: HostileServer;

beforeAll(async () => {
  server = await startHostileServer((request) => {
    const index = Number(request.target.slice(1));
    const entry = RESPONSE_CORPUS[index];
    return { kind: 'raw', bytes: Buffer.from(entry?.response ?? '', 'latin1'), close: true };
  });
});

afterAll(async () => {
  await server.close();
});

async function viaVolley(index: number, head: boolean): Promise<Outcome> {
  // No redirects: node:http follows none (and a corpus location may name a host off this machine).
  const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder(), timeoutMs: 3000, maxRedirects: 0 });
  try {
    const res = head ? await http.head(`/${index}`) : await http.get(`/${index}`);
    if (res.error !== undefined) return { error: true };
    return { error: false, status: res.status, body: res.body.toString('latin1') };
  } finally {
    await http.destroy();
  }
}

function viaNode(index: number, head: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish({ error: true });
    }, 3000);
    const req = nodeRequest({ host: '127.0.0.1', port: server.port, path: `/${index}`, method: head ? 'HEAD' : 'GET', agent: false });
    req.on('error', () => finish({ error: true }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('aborted', () => finish({ error: true }));
      res.on('error', () => finish({ error: true }));
      res.on('end', () => {
        if (!res.complete) finish({ error: true });
        else finish({ error: false, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') });
      });
    });
    req.end();
  });
}

describe('volley and node:http read the same responses alike', () => {
  const outcomes: { name: string; agreed: boolean }[] = [];

  afterAll(() => {
    const agreed = outcomes.filter((o) => o.agreed).length;
    console.log(`differential: ${agreed} of ${outcomes.length} cases agree; ${outcomes.length - agreed} differ on purpose`);
  });

  it('has a corpus of over 100 cases', () => {
    expect(RESPONSE_CORPUS.length).toBeGreaterThan(100);
    expect(new Set(RESPONSE_CORPUS.map((c) => c.name)).size).toBe(RESPONSE_CORPUS.length);
  });

  RESPONSE_CORPUS.forEach((entry, index) => {
    it(entry.name, async () => {
      const head = entry.head === true;
      const [volley, node] = await Promise.all([viaVolley(index, head), viaNode(index, head)]);
      const why = DELIBERATE[entry.name];
      const same = JSON.stringify(volley) === JSON.stringify(node);
      outcomes.push({ name: entry.name, agreed: same });
      if (why === undefined) expect(volley, `volley vs node:http for ${JSON.stringify(entry.response.slice(0, 80))}`).toEqual(node);
      else expect(same, `listed as a deliberate difference (${why}) but both agree`).toBe(false);
    });
  });
});

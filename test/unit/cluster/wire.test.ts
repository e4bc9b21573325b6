/**
 * The wire decoder: what workers and coordinators really send survives the JSON round trip
 * (undefined fields dropped on the way), and each kind of bad frame is named rather than thrown.
 */

import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ToWorker } from '../../../src/cluster/protocol.js';
import { decodeFrame } from '../../../src/cluster/wire.js';
import { fromWorkerSchema, toWorkerSchema } from '../../../src/cluster/wire-schema.js';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import type { Snapshot } from '../../../src/metrics/snapshot.js';

const text = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

function snapshot(): Snapshot {
  const latency = createHistogram();
  latency.recordValue(1200);
  const key = { scenario: '', user: 'A', name: '/a', method: 'GET' };
  return {
    version: 1,
    worker: 0,
    fromMs: 0,
    toMs: 1000,
    users: 2,
    phase: null,
    iterations: 1,
    droppedIterations: 0,
    endpoints: [
      {
        key,
        tags: ['t'],
        requests: 1,
        failures: 0,
        bytesIn: 2,
        bytesOut: 0,
        statusCodes: { '200': 1 },
        latency: encodeHistogram(latency),
        ttfb: '',
      },
    ],
    errors: [{ key, kind: 'request', message: 'HTTP 500', count: 1, firstAtMs: 3 }],
    checks: [{ scenario: '', user: 'A', name: 'ok', passes: 1, fails: 0 }],
  };
}

describe('decodeFrame', () => {
  it('takes a snapshot and an assignment as they are sent', () => {
    const sent = { type: 'snapshot', snapshot: snapshot(), loopDelayP99Ms: 1.5 };
    expect(decodeFrame(fromWorkerSchema, text(sent), false)).toEqual({ ok: true, message: sent });
    const assign: ToWorker = {
      type: 'assign',
      assignment: {
        version: PROTOCOL_VERSION,
        worker: 1,
        segment: { index: 1, weights: [1, 1] },
        source: { kind: 'url', url: 'http://127.0.0.1:1/', method: 'GET', body: undefined, headers: [] },
        options: { users: 2 },
        explicit: ['users'],
        profiles: {},
        data: undefined,
        originMs: 12.5,
        tickMs: 1000,
        discardBodies: false,
      },
    };
    expect(decodeFrame(toWorkerSchema, text(assign), false)).toEqual({ ok: true, message: assign });
  });

  it("keeps a row's group and takes a row with no status (a vu.measure or vu.group row)", () => {
    const sent = snapshot();
    const measured = sent.endpoints[0]!;
    measured.key = { scenario: '', user: 'A', name: 'checkout › db', method: 'SQL', group: 'checkout' };
    measured.statusCodes = {};
    const frame = { type: 'snapshot', snapshot: sent, loopDelayP99Ms: 1 };
    expect(decodeFrame(fromWorkerSchema, text(frame), false)).toEqual({ ok: true, message: frame });
  });

  it('names what is wrong with a bad frame', () => {
    const problem = (data: Buffer, binary = false): string | undefined => {
      const decoded = decodeFrame(fromWorkerSchema, data, binary);
      return decoded.ok ? undefined : decoded.problem;
    };
    expect(problem(Buffer.from('{"type":'))).toBe('a frame that is not JSON');
    expect(problem(Buffer.from([1, 2, 3]), true)).toBe('a binary frame (messages are JSON text)');
    expect(problem(text({ type: 'hello', version: PROTOCOL_VERSION, host: 'x', token: 5 }))).toMatch(/^a malformed message \(token: /);
    expect(problem(text({ type: 'snapshot', snapshot: { ...snapshot(), endpoints: 5 }, loopDelayP99Ms: 1 }))).toMatch(
      /^a malformed message \(snapshot\.endpoints: /,
    );
    const negative = snapshot();
    negative.users = -1;
    expect(problem(text({ type: 'snapshot', snapshot: negative, loopDelayP99Ms: 1 }))).toMatch(/snapshot\.users/);
    expect(problem(text({ type: 'hello', version: PROTOCOL_VERSION, host: 'x\nWorker 9 joined' }))).toMatch(/^a malformed message \(host: /);
    expect(problem(text({ type: 'shutdown' }))).toMatch(/^a malformed message \(type: /);
  });
});

/**
 * The recorder keeps each row's slowest requests: record() says when a sample is one of them
 * (and only then is anything built), the protocol client describes it, the error that follows
 * lands on it, credentials are redacted, each snapshot carries only the entries new since the
 * last flush, and the aggregate merges two workers' into the run's top N.
 */

import { describe, expect, it } from 'vitest';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { NOT_HTTP_STATUS } from '../../../src/metrics/recorder.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { redactHeaders } from '../../../src/metrics/redact.js';

function recorderAt(options: { slowest?: number; redact?: boolean; worker?: number } = {}) {
  let now = 1000;
  const recorder = new IntervalRecorder({ now: () => now, ...options });
  const row = recorder.endpoint(recorder.scope('', 'U', []), 'GET', '/a');
  return { recorder, row, at: (ms: number) => (now = ms) };
}

describe('the recorder keeping the slowest requests', () => {
  it('answers true only for a sample above the floor, and keeps the N slowest', () => {
    const { recorder, row } = recorderAt({ slowest: 2 });
    const kept = [10_000, 30_000, 20_000, 5_000, 40_000, 30_000].map((us) => recorder.record(row, us, 1, 200, 0, 0, false));
    expect(kept).toEqual([true, true, true, false, true, false]);
    const slowest = recorder.flush(1).endpoints[0]?.slowest;
    expect(slowest?.map((e) => e.latencyMs)).toEqual([40, 30]);
    // It started its duration before the flush's clock: 1000 ms - 40 ms.
    expect(slowest?.[0]).toMatchObject({ atMs: 960, status: 200, failed: false });
  });

  it('takes the request described right after record(), and the error recorded next', () => {
    const { recorder, row } = recorderAt();
    expect(recorder.record(row, 50_000, 1, 0, 0, 0, true)).toBe(true);
    recorder.describeSlow(row, 'GET', 'http://127.0.0.1/a?token=T1&page=2', () => ({
      authorization: 'Bearer B1',
      cookie: 'sid=1',
      'x-api-key': 'K1',
      'x-auth-token': 'A1',
      accept: 'application/json',
    }));
    recorder.error(row, 'request', 'connection refused');
    const [entry] = recorder.flush(1).endpoints[0]?.slowest ?? [];
    expect(entry).toEqual({
      latencyMs: 50,
      atMs: 950,
      status: 0,
      failed: true,
      error: 'connection refused',
      method: 'GET',
      url: 'http://127.0.0.1/a?token=[redacted]&page=2',
      headers: {
        authorization: '[redacted]',
        cookie: '[redacted]',
        'x-api-key': '[redacted]',
        'x-auth-token': '[redacted]',
        accept: 'application/json',
      },
    });
  });

  it('shows credentials with --show-secrets (redact: false)', () => {
    const { recorder, row } = recorderAt({ redact: false });
    recorder.record(row, 50_000, 1, 200, 0, 0, false);
    recorder.describeSlow(row, 'GET', 'http://127.0.0.1/a?token=T1', () => ({ authorization: 'Bearer B1' }));
    expect(recorder.flush(1).endpoints[0]?.slowest?.[0]).toMatchObject({
      url: 'http://127.0.0.1/a?token=T1',
      headers: { authorization: 'Bearer B1' },
    });
  });

  it('reads the headers of only the requests still kept at the flush', () => {
    const { recorder, row } = recorderAt({ slowest: 2 });
    const read: number[] = [];
    // A climbing latency: every request is kept for a moment, only the last two stay.
    for (let ms = 1; ms <= 50; ms++) {
      expect(recorder.record(row, ms * 1000, 1, 200, 0, 0, false)).toBe(true);
      recorder.describeSlow(row, 'GET', `http://127.0.0.1/${ms}`, () => {
        read.push(ms);
        return { accept: '*/*' };
      });
    }
    expect(read).toEqual([]);
    const slowest = recorder.flush(1).endpoints[0]?.slowest;
    expect(slowest?.map((entry) => entry.url)).toEqual(['http://127.0.0.1/50', 'http://127.0.0.1/49']);
    expect(slowest?.[0]?.headers).toEqual({ accept: '*/*' });
    expect(read.sort((a, b) => a - b)).toEqual([49, 50]);
  });

  it('keeps latency, time and failure of a row that is no HTTP request, without a status', () => {
    const { recorder, row } = recorderAt();
    recorder.record(row, 7_000, 0, NOT_HTTP_STATUS, 0, 0, false);
    expect(recorder.flush(1).endpoints[0]?.slowest?.[0]).toEqual({ latencyMs: 7, atMs: 993, failed: false });
  });

  it('sends only the entries new since the last flush', () => {
    const { recorder, row } = recorderAt({ slowest: 2 });
    recorder.record(row, 10_000, 1, 200, 0, 0, false);
    recorder.record(row, 20_000, 1, 200, 0, 0, false);
    expect(recorder.flush(1).endpoints[0]?.slowest?.map((e) => e.latencyMs)).toEqual([20, 10]);
    recorder.record(row, 5_000, 1, 200, 0, 0, false);
    expect(recorder.flush(1).endpoints[0]?.slowest).toBeUndefined();
    recorder.record(row, 30_000, 1, 200, 0, 0, false);
    recorder.record(row, 35_000, 1, 200, 0, 0, false);
    recorder.record(row, 40_000, 1, 200, 0, 0, false);
    // 30 ms was kept, then pushed out within the interval: not sent.
    expect(recorder.flush(1).endpoints[0]?.slowest?.map((e) => e.latencyMs)).toEqual([40, 35]);
  });

  it('merges two workers into the run top N in the Result', () => {
    const one = recorderAt({ slowest: 3, worker: 0 });
    const two = recorderAt({ slowest: 3, worker: 1 });
    for (const ms of [12, 90, 33, 7, 61]) one.recorder.record(one.row, ms * 1000, 1, 200, 0, 0, false);
    for (const ms of [75, 3, 88, 40, 50]) two.recorder.record(two.row, ms * 1000, 1, 200, 0, 0, false);
    const aggregate = new RunAggregate();
    aggregate.addAll([one.recorder.flush(1), two.recorder.flush(1)]);
    const result = aggregate.measured(Date.parse('2026-01-01T00:00:00.000Z'), 1000, 3);
    expect(result.endpoints[0]?.slowest?.map((e) => e.latencyMs)).toEqual([90, 88, 75]);
    expect(result.endpoints[0]?.slowest?.[0]?.startedAt).toBe('2026-01-01T00:00:00.910Z');
  });
});

describe('redactHeaders', () => {
  it('redacts credentials and token-, secret- and key-like header names, whatever their case', () => {
    expect(
      redactHeaders({
        Authorization: 'Basic Zm9v',
        'Proxy-Authorization': 'x',
        Cookie: 'a=b',
        'X-Session-Id': 's',
        'X-Client-Secret': 's',
        'X-Signature': 's',
        'user-agent': 'volley',
        referer: 'http://h/?api_key=K&x=1',
      }),
    ).toEqual({
      Authorization: '[redacted]',
      'Proxy-Authorization': '[redacted]',
      Cookie: '[redacted]',
      'X-Session-Id': '[redacted]',
      'X-Client-Secret': '[redacted]',
      'X-Signature': '[redacted]',
      'user-agent': 'volley',
      referer: 'http://h/?api_key=[redacted]&x=1',
    });
  });
});

describe('what a slow request keeps', () => {
  it('is bounded: a huge URL, header or message is cut, and at most 64 headers are kept', () => {
    const { recorder, row } = recorderAt();
    recorder.record(row, 50_000, 1, 0, 0, 0, true);
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-h${i}`, 'v'.repeat(i === 0 ? 100_000 : 1)]));
    recorder.describeSlow(row, 'GET', `http://h/${'a'.repeat(100_000)}`, () => many);
    recorder.error(row, 'request', 'm'.repeat(100_000));
    const entry = recorder.flush(1).endpoints[0]?.slowest?.[0];
    expect(entry?.url?.length).toBe(2048);
    expect(Object.keys(entry?.headers ?? {})).toHaveLength(64);
    expect(entry?.headers?.['x-h0']?.length).toBe(2048);
    expect(entry?.error?.length).toBe(500);
  });
});

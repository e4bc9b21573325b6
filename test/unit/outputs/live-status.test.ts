import { describe, expect, it } from 'vitest';
import { formatStatusLine, LiveStatusOutput } from '../../../src/outputs/live-status.js';
import type { LiveProgress } from '../../../src/outputs/output.js';
import { fixtureResult } from './fixture-result.js';
import { RecordingStream } from './stream-double.js';

const CLEAR = '\r\u001b[2K';

function progress(overrides: Partial<LiveProgress> = {}): LiveProgress {
  return {
    elapsedMs: 12_400,
    plannedDurationMs: 30_000,
    users: 50,
    rps: 2391.2,
    p95Ms: 21.44,
    failuresPerSec: 0,
    requests: 28_700,
    failures: 0,
    taskErrors: 0,
    phase: 'running',
    endpoints: [],
    errors: [],
    total: { scenario: '', userClass: '', method: '', name: 'Aggregated', requests: 0, failures: 0, avgMs: 0, p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null },
    ...overrides,
  };
}

describe('formatStatusLine', () => {
  it('shows the clock, users and the last interval figures', () => {
    expect(formatStatusLine(progress())).toBe(
      '[00:12 / 00:30] users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700',
    );
  });

  it('shows the interval failure share and the cumulative failures', () => {
    expect(formatStatusLine(progress({ rps: 200, failuresPerSec: 3, failures: 41 }))).toBe(
      '[00:12 / 00:30] users 50  rps 200  p95 21.4ms  fail 1.50%  reqs 28,700  failed 41',
    );
  });

  it('shows task errors, which no request failure counts', () => {
    expect(formatStatusLine(progress({ rps: 0, requests: 0, taskErrors: 434_624 }))).toBe(
      '[00:12 / 00:30] users 50  rps 0.00  p95 21.4ms  fail 0.00%  reqs 0  task errors 434,624',
    );
  });

  it('handles an open-ended run, an idle interval and the stopping phase', () => {
    expect(
      formatStatusLine(
        progress({ plannedDurationMs: null, rps: 0, p95Ms: null, phase: 'stopping', elapsedMs: 3_723_000 }),
      ),
    ).toBe('[1:02:03] stopping… users 50  rps 0.00  p95 —  fail 0.00%  reqs 28,700');
  });
});

describe('LiveStatusOutput', () => {
  it('rewrites one line in place on a TTY and ends it once', () => {
    const stream = new RecordingStream({ isTTY: true, columns: 200 });
    const output = new LiveStatusOutput(stream);
    output.onProgress(progress({ elapsedMs: 1000 }));
    output.onProgress(progress({ elapsedMs: 2000 }));
    expect(stream.writes).toEqual([
      `${CLEAR}[00:01 / 00:30] users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700`,
      `${CLEAR}[00:02 / 00:30] users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700`,
    ]);
    output.onEnd(fixtureResult());
    output.onEnd(fixtureResult());
    expect(stream.writes.slice(2)).toEqual(['\n']);
  });

  it('cuts the TTY line to one column short of the width, so it never wraps', () => {
    const stream = new RecordingStream({ isTTY: true, columns: 30 });
    new LiveStatusOutput(stream).onProgress(progress());
    expect(stream.writes).toEqual([`${CLEAR}[00:12 / 00:30] users 50  rp…`]);
  });

  it('prints a plain line per tick without a TTY, and nothing more at the end', () => {
    const stream = new RecordingStream();
    const output = new LiveStatusOutput(stream);
    output.onProgress(progress({ elapsedMs: 1000 }));
    output.onProgress(progress({ elapsedMs: 2000, phase: 'stopping' }));
    output.onEnd(fixtureResult());
    expect(stream.writes).toEqual([
      '[00:01 / 00:30] users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700\n',
      '[00:02 / 00:30] stopping… users 50  rps 2,391  p95 21.4ms  fail 0.00%  reqs 28,700\n',
    ]);
  });

  it('writes nothing at all when quiet', () => {
    const stream = new RecordingStream({ isTTY: true, columns: 80 });
    const output = new LiveStatusOutput(stream, { quiet: true });
    output.onProgress(progress());
    output.onEnd(fixtureResult());
    expect(stream.writes).toEqual([]);
  });

  it('ends nothing on a TTY when no line was drawn', () => {
    const stream = new RecordingStream({ isTTY: true, columns: 80 });
    new LiveStatusOutput(stream).onEnd(fixtureResult());
    expect(stream.writes).toEqual([]);
  });
});

/**
 * The conformance suite every Output passes: a name, hooks that are functions when present, and
 * a full lifecycle (start, progress while running and stopping, end) that completes without
 * throwing. Each output's own behaviour is tested in its own file.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonFileOutput } from '../../../src/outputs/json-output.js';
import { LiveStatusOutput } from '../../../src/outputs/live-status.js';
import type { Output, RunStartInfo } from '../../../src/outputs/output.js';
import { SummaryOutput } from '../../../src/outputs/summary-output.js';
import { fixtureResult } from './fixture-result.js';
import { RecordingStream } from './stream-double.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'volley-outputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cases: [string, () => Output][] = [
  ['live status on a TTY', () => new LiveStatusOutput(new RecordingStream({ isTTY: true, columns: 80 }))],
  ['live status on a pipe', () => new LiveStatusOutput(new RecordingStream())],
  ['quiet live status', () => new LiveStatusOutput(new RecordingStream(), { quiet: true })],
  ['summary', () => new SummaryOutput(new RecordingStream(), { color: false })],
  ['json file', () => new JsonFileOutput(join(dir, 'result.json'))],
];

const start: RunStartInfo = {
  scenario: 'platform',
  file: 'load/platform.ts',
  host: 'http://127.0.0.1:8000',
  startedAt: '2025-03-01T10:00:00.000Z',
  plannedDurationMs: 30_000,
  plannedUsers: 50,
  options: {},
};

describe.each(cases)('Output conformance: %s', (_, create) => {
  it('has a name and only function hooks', () => {
    const output = create();
    expect(output.name).toMatch(/^[a-z][a-z-]*$/);
    for (const hook of ['onStart', 'onProgress', 'onEnd'] as const) {
      expect(['undefined', 'function']).toContain(typeof output[hook]);
    }
  });

  it('goes through a whole run', async () => {
    const output = create();
    await output.onStart?.(start);
    for (const phase of ['running', 'running', 'stopping'] as const) {
      const returned = output.onProgress?.({
        elapsedMs: 1000,
        plannedDurationMs: 30_000,
        users: 10,
        rps: 100,
        p95Ms: null,
        failuresPerSec: 0,
        requests: 100,
        failures: 0,
        taskErrors: 0,
        phase,
        endpoints: [],
        errors: [],
        total: { scenario: '', userClass: '', method: '', name: 'Aggregated', requests: 0, failures: 0, avgMs: 0, p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null },
      });
      // onProgress runs on the aggregation tick: it must not hand back work to wait for.
      expect(returned).toBeUndefined();
    }
    await expect(Promise.resolve(output.onEnd?.(fixtureResult()))).resolves.toBeUndefined();
  });
});

/** The worker's side of the protocol over a channel: ready, snapshots, done; or failed, with why. */

import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker, type WorkerAssignment } from '../../../src/cluster/protocol.js';
import { runSegment } from '../../../src/cluster/segment-worker.js';
import { resolveRunOptions } from '../../../src/config/resolve-options.js';

function assignment(file: string): WorkerAssignment {
  return {
    version: PROTOCOL_VERSION,
    worker: 0,
    segment: { index: 0, weights: [1] },
    source: { kind: 'bundle', file, code: '' },
    options: { ...resolveRunOptions([]) },
    explicit: [],
    profiles: {},
    data: undefined,
    originMs: performance.timeOrigin + performance.now(),
    tickMs: 1000,
    discardBodies: true,
  };
}

describe('runSegment', () => {
  it('says failed, with the error, when the scenario cannot be loaded', async () => {
    const posted: FromWorker[] = [];
    await runSegment(assignment('/nonexistent/volley-scenario.mjs'), {
      post: (message) => posted.push(message),
      onMessage: () => undefined,
    });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'failed', code: null });
  });
});

/**
 * A worker's side of the protocol, over any channel (a worker thread's port, a WebSocket to a
 * remote coordinator): rebuild the scenario from the assignment, build the segment's engines
 * (engine/segment-runner.ts), say ready, wait for the start, post a snapshot every tick, obey
 * stop and kill, and end with `done` (or `failed`).
 */

import { pathToFileURL } from 'node:url';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { setFeedSegment } from '../engine/feeds/feed.js';
import { isDefinedScenario, type ScenarioDefinition } from '../engine/scenario-definition.js';
import { SegmentRunner } from '../engine/segment-runner.js';
import { urlScenario } from '../engine/url-scenario.js';
import { isVolleyError, VolleyError } from '../errors.js';
import type { FromWorker, ToWorker, WorkerAssignment } from './protocol.js';

export interface WorkerChannel {
  post(message: FromWorker): void;
  onMessage(handler: (message: ToWorker) => void): void;
}

export interface SegmentRunOptions {
  /** Resolves when the coordinator says start (remote workers); threads start at once. */
  started?: Promise<void>;
}

export async function runSegment(
  assignment: WorkerAssignment,
  channel: WorkerChannel,
  options: SegmentRunOptions = {},
): Promise<void> {
  try {
    await runSegmentOrThrow(assignment, channel, options);
  } catch (error) {
    channel.post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      code: isVolleyError(error) ? error.code : null,
    });
  }
}

async function runSegmentOrThrow(
  assignment: WorkerAssignment,
  channel: WorkerChannel,
  segmentOptions: SegmentRunOptions,
): Promise<void> {
  // Feeds hand out only this worker's share of their rows (a `unique` row goes to one worker).
  setFeedSegment(assignment.segment);
  const { scenario, exports } = await loadScenario(assignment);
  const runner = new SegmentRunner(
    {
      scenario,
      exports,
      origin: assignment.source.kind === 'bundle' ? assignment.source.file : 'scenario',
      options: assignment.options as unknown as RunOptions,
      explicit: new Set(assignment.explicit as OptionName[]),
      profiles: assignment.profiles as Record<string, ProfileLoad>,
      worker: assignment.worker,
      segment: assignment.segment,
      data: assignment.data,
      originMs: assignment.originMs,
      tickMs: assignment.tickMs,
      discardBodies: assignment.discardBodies,
    },
    {
      snapshot: (snapshot, loopDelayP99Ms) => channel.post({ type: 'snapshot', snapshot, loopDelayP99Ms }),
      phase: (label, users) => channel.post({ type: 'phase', label, users }),
    },
  );
  channel.onMessage((message) => {
    if (message.type === 'stop') runner.stop();
    else if (message.type === 'kill') void runner.kill();
    // The coordinator checked that the load can change; a load that cannot keeps running as it was.
    else if (message.type === 'load') tryChangeLoad(runner, message.users, message.spawnRate);
  });
  channel.post({ type: 'ready' });
  const outcome = await runner.run(segmentOptions.started);
  channel.post({ type: 'done', reason: outcome.reason, killed: outcome.killed });
}

function tryChangeLoad(runner: SegmentRunner, users: number, spawnRate: number): void {
  try {
    runner.changeLoad({ users, spawnRate });
  } catch {
    // Refused (not a plain number of users, or already stopping): nothing changes.
  }
}

async function loadScenario(
  assignment: WorkerAssignment,
): Promise<{ scenario: ScenarioDefinition<unknown>; exports: Record<string, unknown> }> {
  const { source } = assignment;
  switch (source.kind) {
    case 'bundle': {
      process.setSourceMapsEnabled(true); // see enableSourceMaps() in runner/scenario-file.ts
      const exports = (await import(pathToFileURL(source.file).href)) as Record<string, unknown>;
      if (!isDefinedScenario(exports.default))
        throw new VolleyError('VOLLEY_E_SCENARIO', 'the bundle has no scenario');
      return { scenario: exports.default, exports };
    }
    case 'url':
      return { scenario: urlScenario(source).scenario, exports: {} };
  }
}

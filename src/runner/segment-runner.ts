/**
 * Runs one segment of the load for a coordinator, over any channel (a worker thread's port, a
 * WebSocket to a remote coordinator): rebuild the scenario from the assignment, build the
 * segment's engines exactly as a single process would (local-run.ts), say ready, wait for the
 * start, post a snapshot every tick, obey stop and kill, and end with `done` (or `failed`).
 */

import { pathToFileURL } from 'node:url';
import { isDefinedScenario, type ScenarioDefinition } from '../api/define.js';
import type { FromWorker, ToWorker, WorkerAssignment } from '../cluster/protocol.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { isVolleyError, VolleyError } from '../errors.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import { EventLoopDelay } from '../monitor/index.js';
import { buildScenarioSet } from './local-run.js';
import type { ScenarioSet } from './scenario-set.js';
import { compileUnits } from './scenario-units.js';
import { urlScenario } from './url-scenario.js';

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
  const { scenario, exports } = await loadScenario(assignment);
  const options = assignment.options as unknown as RunOptions;
  const { units } = compileUnits({
    scenario,
    exports,
    options,
    explicit: new Set(assignment.explicit as OptionName[]),
    profiles: assignment.profiles as Record<string, ProfileLoad>,
    origin: assignment.source.kind === 'bundle' ? assignment.source.file : 'scenario',
  });
  let originMs = assignment.originMs;
  const recorder = new IntervalRecorder({
    redact: !options.showSecrets,
    worker: assignment.worker,
    now: () => performance.timeOrigin + performance.now() - originMs,
  });
  let phase: string | null = null;
  // This thread's own saturation, sent with every snapshot: the coordinator's self-check takes
  // the worst of its workers' delays.
  const loopDelay = new EventLoopDelay();
  const postSnapshot = (users: number): void =>
    channel.post({
      type: 'snapshot',
      snapshot: recorder.flush(users, phase),
      loopDelayP99Ms: loopDelay.takeP99Ms(),
    });
  // onPhase reads `set`: it only runs once the run has started, after set is assigned.
  const set: ScenarioSet = buildScenarioSet({
    units,
    recorder,
    data: assignment.data,
    options,
    segment: assignment.segment,
    discardBodies: assignment.discardBodies,
    onPhase: (label, users) => {
      postSnapshot(set.activeUsers);
      phase = label;
      channel.post({ type: 'phase', label, users: users ?? null });
    },
  });
  const running = set;
  channel.onMessage((message) => {
    switch (message.type) {
      case 'stop':
        running.stop('interrupted');
        return;
      case 'kill':
        void running.kill('interrupted');
        return;
      default:
        return;
    }
  });
  channel.post({ type: 'ready' });
  if (segmentOptions.started !== undefined) {
    await segmentOptions.started;
    originMs = performance.timeOrigin + performance.now();
    recorder.flush(0, null); // Start the first interval at the shared start.
  }
  loopDelay.start();
  const ticker = setInterval(() => postSnapshot(running.activeUsers), assignment.tickMs);
  const outcome = await running.run();
  clearInterval(ticker);
  postSnapshot(0);
  loopDelay.stop();
  channel.post({ type: 'done', reason: outcome.reason, killed: outcome.killed });
}

async function loadScenario(
  assignment: WorkerAssignment,
): Promise<{ scenario: ScenarioDefinition<unknown>; exports: Record<string, unknown> }> {
  const { source } = assignment;
  switch (source.kind) {
    case 'bundle': {
      const exports = (await import(pathToFileURL(source.file).href)) as Record<string, unknown>;
      if (!isDefinedScenario(exports.default))
        throw new VolleyError('VOLLEY_E_SCENARIO', 'the bundle has no scenario');
      return { scenario: exports.default, exports };
    }
    case 'url':
      return { scenario: urlScenario(source).scenario, exports: {} };
  }
}

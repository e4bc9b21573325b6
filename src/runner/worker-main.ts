/**
 * The entry point of a worker thread: runs one segment of the load and reports snapshots.
 *
 * It rebuilds the scenario from what the coordinator sent (the very bundle the coordinator
 * loaded, or URL mode's parameters), builds its segment's engines exactly as a single process
 * would (local-run.ts), flushes its recorder every tick and posts the snapshot. Times are
 * measured from the coordinator's origin, so every worker's intervals line up.
 */

import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { isDefinedScenario, type ScenarioDefinition } from '../api/define.js';
import type { FromWorker, ToWorker, WorkerAssignment } from '../cluster/protocol.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { isVolleyError, VolleyError } from '../errors.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import { buildScenarioSet } from './local-run.js';
import { compileUnits } from './scenario-units.js';
import { urlScenario } from './url-scenario.js';

process.setSourceMapsEnabled(true);

if (parentPort === null) throw new Error('worker-main runs only as a worker thread');
const port = parentPort;
const assignment = workerData as WorkerAssignment;
const post = (message: FromWorker): void => port.postMessage(message);

async function loadScenario(): Promise<{
  scenario: ScenarioDefinition<unknown>;
  exports: Record<string, unknown>;
}> {
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

async function main(): Promise<void> {
  const { scenario, exports } = await loadScenario();
  const options = assignment.options as unknown as RunOptions;
  const { units } = compileUnits({
    scenario,
    exports,
    options,
    explicit: new Set(assignment.explicit as OptionName[]),
    profiles: assignment.profiles as Record<string, ProfileLoad>,
    origin: assignment.source.kind === 'bundle' ? assignment.source.file : 'scenario',
  });
  const recorder = new IntervalRecorder({
    worker: assignment.worker,
    now: () => performance.timeOrigin + performance.now() - assignment.originMs,
  });
  let phase: string | null = null;
  const set = buildScenarioSet({
    units,
    recorder,
    data: assignment.data,
    options,
    segment: assignment.segment,
    discardBodies: assignment.discardBodies,
    onPhase: (label, users) => {
      post({ type: 'snapshot', snapshot: recorder.flush(set.activeUsers, phase) });
      phase = label;
      post({ type: 'phase', label, users: users ?? null });
    },
  });
  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'stop':
        set.stop('interrupted');
        return;
      case 'kill':
        void set.kill('interrupted');
        return;
    }
  });
  const ticker = setInterval(
    () => post({ type: 'snapshot', snapshot: recorder.flush(set.activeUsers, phase) }),
    assignment.tickMs,
  );
  const outcome = await set.run();
  clearInterval(ticker);
  post({ type: 'snapshot', snapshot: recorder.flush(0, phase) });
  post({ type: 'done', reason: outcome.reason, killed: outcome.killed });
  port.close();
}

main().catch((error: unknown) => {
  post({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
    code: isVolleyError(error) ? error.code : null,
  });
  port.close();
});

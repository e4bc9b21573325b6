/**
 * Builds the engines of a run's scenarios for one execution segment: the whole load in a
 * single-process run, a worker's share in a multi-worker run. Both paths use this one function,
 * so a worker runs exactly what the single process would have run of its segment.
 */

import type { RunOptions } from '../config/run-options.js';
import { createExecutor, peakUsers } from '../engine/executors/load-plan.js';
import { LoadEngine } from '../engine/load-engine.js';
import type { ExecutionSegment } from '../engine/segment.js';
import { classSequence } from '../engine/user-mix.js';
import type { MetricsRecorder } from '../metrics/recorder.js';
import { VERSION } from '../version.js';
import { ScenarioSet } from './scenario-set.js';
import type { ScenarioUnit } from './scenario-units.js';

export interface LocalRunParams {
  units: readonly ScenarioUnit[];
  recorder: MetricsRecorder;
  data: unknown;
  options: RunOptions;
  segment: ExecutionSegment;
  discardBodies: boolean;
  /** A scenario entered a named phase (a step); `label` is already prefixed with the scenario. */
  onPhase: (label: string, users: number | undefined) => void;
}

export function buildScenarioSet(params: LocalRunParams): ScenarioSet {
  const { options } = params;
  return new ScenarioSet(
    params.units.map((unit) => ({
      startTimeMs: unit.startTimeMs,
      engine: new LoadEngine({
        scenario: { name: unit.name, host: unit.host, classes: unit.classes },
        executor: createExecutor(unit.load.plan, params.segment, options.seed),
        recorder: params.recorder,
        userMix: classSequence(unit.classes, Math.max(1, peakUsers(unit.load.plan))),
        data: params.data,
        iterations: unit.load.iterations,
        budgetUsers: Math.max(1, peakUsers(unit.load.plan)),
        gracefulStopMs: options.gracefulStopMs,
        http: {
          timeoutMs: options.timeoutMs,
          headers: { 'user-agent': `volley/${VERSION}` },
          connections: options.connections,
          maxRedirects: options.maxRedirects,
          insecure: options.insecure,
          discardBody: params.discardBodies || options.discardResponseBodies,
          maxBodySize: options.maxBodySize,
          acceptEncoding: options.acceptEncoding,
        },
        seed: options.seed,
        segment: params.segment,
        onPhase: (label, users) => params.onPhase(unit.name === '' ? label : `${unit.name}: ${label}`, users),
      }),
    })),
  );
}
